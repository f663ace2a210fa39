/**
 * The plan as a readable text report. Every number printed here is a field of the Plan (rounded
 * for reading; shares shown as percent) — test/cli/plan.test.ts checks that against --json.
 */
import type { Band, Plan, Section } from '../../src/scenario/plan-types.js';
import type { Style } from './style.js';
import { distinctSig, fmtSig, renderPairs, renderTable } from './table.js';

/** 3 significant figures (more for large values), grouped; "—" for missing. */
export function num(x: number | null | undefined, sig = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  // Whole numbers up to 6 digits read better in full (1,234 kg rather than 1.23e3).
  if (Number.isInteger(x) && abs < 1e6) return x.toLocaleString('en-US');
  // Large values in e-notation (3.18e10): a dozen digits of false precision help nobody.
  if (abs >= 1e7) return x.toPrecision(sig).replace('e+', 'e');
  return fmtSig(x, sig);
}

export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}$${fmtSig(a / 1e9, 3)} B`;
  if (a >= 1e6) return `${sign}$${fmtSig(a / 1e6, 3)} M`;
  return `${sign}$${num(a)}`;
}

export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${fmtSig(x * 100, 3)} %`;
}

/** Speeds in a sum (the Δv line): two decimals each, so the terms line up and add up as printed. */
export function kms(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(2);
}

/** "low–high" at 3 significant figures, more when that would print distinct ends (or the value) alike. */
function rangeText(value: number | null, low: number | null, high: number | null): string {
  const s = distinctSig([low, value, high], 3, (x, n) => num(x, n));
  return `${num(low, s)}–${num(high, s)}`;
}

/** Where the cargo goes, as a sentence ends: "to Earth", "to Earth orbit". */
function destinationText(d: 'earth' | 'orbit'): string {
  return d === 'earth' ? 'Earth' : 'Earth orbit';
}

/** Median of a triangular distribution (min a, mode c, max b). */
function triangularMedian(a: number, c: number, b: number): number {
  return c - a >= (b - a) / 2 ? a + Math.sqrt(((b - a) * (c - a)) / 2) : b - Math.sqrt(((b - a) * (b - c)) / 2);
}

/**
 * Inputs whose central value (the base case's) sits well off their median — more than a tenth of
 * their range: the base case is then not the middle of the samples (a prior-sized body's mass is a
 * triangular whose mode is near its low end, so most samples are larger).
 */
export function skewedInputs(p: Plan): string[] {
  const skew = (i: Plan['uncertainty']['inputs'][number]) => Math.abs(triangularMedian(i.low, i.central, i.high) - i.central) / (i.high - i.low);
  return p.uncertainty.inputs
    .filter((i) => i.distribution === 'triangular' && i.high > i.low && skew(i) > 0.1)
    // The target's own size first (the usual cause for a prior-sized body), then the most skewed.
    .sort((a, b) => Number(b.field.startsWith('target.')) - Number(a.field.startsWith('target.')) || skew(b) - skew(a))
    .map((i) => i.field);
}

/** What "base" means next to P10/P50/P90, and why the two differ when they do (null: nothing to explain). */
export function baseCaseNote(p: Plan): string | null {
  if (p.scenario.samples === 0) return null;
  let note = "base = one run with every input at its central value (the mode of {min, mode, max}, the p50 of {p10, p50, p90}, the catalog's nominal mass, grades at their P50); P10 / P50 / P90 = percentiles over the samples";
  const d = p.delivered;
  if (d.modelled && d.band && d.band.p50 > 0 && Math.abs(d.deliveredKg - d.band.p50) > 0.2 * d.band.p50) {
    const skewed = skewedInputs(p);
    const below = d.deliveredKg < d.band.p50;
    note += `. Here the base case is ${below ? 'below' : 'above'} the P50`;
    const shown = skewed.slice(0, 2);
    if (shown.length > 0) note += `: skewed inputs such as ${shown.join(' and ')} (a {min, mode, max} whose mode is far from its median) put most samples ${below ? 'above' : 'below'} the base case`;
  }
  return note;
}

function bandText(b: Band | null, f: (x: number) => string = num): string {
  if (!b) return '—';
  return `${f(b.p10)} / ${f(b.p50)} / ${f(b.p90)}`;
}

function notModelled(s: Section<unknown>, style: Style): string | null {
  if (s.modelled) return null;
  return `  ${style.yellow('not modelled')}: ${s.reason}\n`;
}

/** The launch window searched, and why when it is the default (it starts today, or on 2025-01-01 while that is later). */
function launchWindowText(p: Plan): string {
  const w = p.scenario.launchWindow;
  // Plans saved before the window was recorded have none.
  if (!w) return '—';
  const note = w.basis === 'scenario' ? "the scenario's window.launch" : `default: ${w.from === '2025-01-01' ? 'from 2025-01-01' : 'from today'} to ${w.to}`;
  return `${w.from}..${w.to} (${note})`;
}

function heading(title: string, style: Style): string {
  return `\n${style.bold(title)}\n`;
}

export function renderPlanReport(p: Plan, style: Style): string {
  let out = '';
  const src = p.scenario.source ? ` (${p.scenario.source})` : '';
  out += `${style.bold('Prospector plan')}: ${p.scenario.name}${src}\n`;
  out += `  delivery to ${p.scenario.delivery === 'earth' ? 'Earth (capsules)' : 'Earth orbit'}; ${p.scenario.samples === 0 ? 'deterministic base case only' : `Monte Carlo ${num(p.scenario.samples)} samples, seed ${p.scenario.seed}`}\n`;

  out += heading('Target', style);
  if (p.target.modelled) {
    const t = p.target;
    out += renderPairs(
      [
        ['asteroid', `${t.displayName} · ${t.orbitClass} · spectral type ${t.spectralType ?? 'unknown'}`],
        ['orbit', `a ${num(t.orbit.aAu)} AU · e ${num(t.orbit.e)} · i ${num(t.orbit.iDeg)}°`],
        ['diameter', `${num(t.diameterKm)} km (range ${rangeText(t.diameterKm, t.diameterKmLow, t.diameterKmHigh)} km; basis: ${t.sizeBasis ?? 'unknown'})`],
        ['mass', t.massKg === null ? '—' : `${num(t.massKg)} kg (range ${rangeText(t.massKg, t.massKgLow, t.massKgHigh)} kg)`],
        ['Shoemaker–Helin Δv', t.dvKmS === null ? '— (NEAs only)' : `${num(t.dvKmS)} km/s`],
      ],
      '  ',
    );
  } else out += notModelled(p.target, style);

  out += heading('Trip', style);
  if (p.trajectory.modelled) {
    const t = p.trajectory;
    out += renderPairs(
      [
        ['window', launchWindowText(p)],
        ['launch', `${t.launch} → arrive ${t.arrival} → leave ${t.departure} → Earth ${t.returnDate}`],
        ['durations', `out ${num(t.outDays)} d · stay ${num(t.stayDays)} d · return ${num(t.returnDays)} d · total ${num(t.totalDays)} d`],
        ['C3', `${num(t.c3Km2S2)} km²/s²`],
        ['Δv', `depart ${kms(t.dvDepartKmS)} + arrive ${kms(t.vArrNeoKmS)} + leave ${kms(t.vDepNeoKmS)} + entry cap ${kms(t.dvEntryKmS)} = ${kms(t.dvTotalKmS)} km/s`],
        ['entry speed', `${num(t.entrySpeedKmS)} km/s`],
        ['Δv model error', `×${num(t.dvFactor.low)}–${num(t.dvFactor.high)} (central ${num(t.dvFactor.central)}; ${t.dvFactor.source})`],
        ['method', t.method],
      ],
      '  ',
    );
  } else out += notModelled(p.trajectory, style) + `  launch window searched: ${launchWindowText(p)}\n`;

  out += heading('Spacecraft', style);
  if (p.propulsion.modelled) {
    const s = p.propulsion;
    out += renderPairs(
      [
        ['propulsion', `${num(s.powerW)} W at 1 AU · Isp ${num(s.ispS)} s · η ${num(s.efficiency)} · thrust ${num(s.thrustN)} N`],
        ['masses', `launch ${num(s.launchMassKg)} kg · propellant ${num(s.propellantKg)} kg · capsule hardware ${num(s.capsuleTareKg)} kg · cargo home ${num(s.returnCargoKg)} kg`],
        ['return cargo', `at most ${num(s.maxReturnCargoKg)} kg (${s.cargoMethod}; binding: ${s.binding ?? '—'}); limited by the ${s.returnLimitedBy}`],
        ['verdict', s.feasible ? style.green('feasible') : `${style.red('infeasible')}${s.binding ? ` (binding: ${s.binding})` : ''}`],
        ['method', s.method],
      ],
      '  ',
    );
    out += renderTable(
      s.legs,
      [
        { header: '  leg', value: (l) => `  ${l.name}`, align: 'left' },
        { header: 'Δv km/s', value: (l) => num(l.dvKmS) },
        { header: 'Δv method', value: (l) => l.dvMethod, align: 'left' },
        { header: 'm0 kg', value: (l) => num(l.initialMassKg) },
        { header: 'propellant kg', value: (l) => num(l.propellantKg) },
        { header: 'burn d', value: (l) => num(l.burnDays) },
        { header: 'avail d', value: (l) => num(l.availableBurnDays) },
        { header: 'MIMA a m/s²', value: (l) => (l.lowThrust ? num(l.lowThrust.aReqMS2) : '—') },
        { header: 'MIMA max m0 kg', value: (l) => (l.lowThrust ? num(l.lowThrust.maxInitialMassKg) : '—') },
        { header: 'ok', value: (l) => (l.feasible ? 'yes' : 'NO') },
      ],
      { header: style.dim },
    );
  } else out += notModelled(p.propulsion, style);

  out += heading('Refining yield', style);
  if (p.refining.modelled) {
    const r = p.refining;
    out += renderPairs(
      [
        ['route', `${r.route} · stay ${num(r.stayDays)} d · concentrator ${num(r.concentratorAreaM2)} m² · mean absorbed ${num(r.absorbedPowerMeanW)} W`],
        ['processed', `${num(r.processedKg)} kg of feedstock → refined ${num(r.refinedKg)} kg${r.capped ? ' (capped by what the body holds)' : ''}`],
        ['method', r.method],
      ],
      '  ',
    );
    out += renderTable(
      r.products,
      [
        { header: '  element', value: (x) => `  ${x.element}`, align: 'left' },
        { header: 'grade (mass fraction)', value: (x) => num(x.grade) },
        { header: 'recovery', value: (x) => num(x.recovery) },
        { header: 'base kg', value: (x) => num(x.yieldKg) },
        { header: 'P10 / P50 / P90 kg', value: (x) => bandText(x.band) },
      ],
      { header: style.dim },
    );
  } else out += notModelled(p.refining, style);

  out += heading('Capsules', style);
  if (p.capsules.modelled) {
    const c = p.capsules;
    const pairs: Array<[string, string]> = [
      ['design', `${c.design}: ${num(c.capsuleMassKg)} kg each, payload ${num(c.payloadKg)} kg`],
      ['count', `${num(c.count)} (P10 / P50 / P90 ${bandText(c.band)})`],
    ];
    if (c.entry) pairs.push(['entry', `${num(c.entry.speedKmS)} km/s at ${num(c.entry.fpaDeg)}° · peak ${num(c.entry.peakDecelG)} g · ${num(c.entry.peakHeatFluxWCm2)} W/cm² · heat load ${num(c.entry.heatLoadJCm2)} J/cm²`]);
    pairs.push(['method', c.method]);
    out += renderPairs(pairs, '  ');
  } else out += notModelled(p.capsules, style);

  out += heading('Delivered', style);
  if (p.delivered.modelled) {
    const d = p.delivered;
    out += renderPairs(
      [
        ['mass', `refined ${num(d.refinedKg)} − left behind ${num(d.leftBehindKg)} − consumed ${num(d.consumedKg)} = delivered ${num(d.deliveredKg)} kg to ${destinationText(d.destination)} (base case)`],
        ['P10 / P50 / P90', `${bandText(d.band)} kg`],
        ...(baseCaseNote(p) ? [['base case', baseCaseNote(p)!] as [string, string]] : []),
        ['identity', d.identity],
      ],
      '  ',
    );
    out += renderTable(
      d.byElement,
      [
        { header: '  element', value: (x) => `  ${x.element}`, align: 'left' },
        { header: 'base kg', value: (x) => num(x.kg) },
        { header: 'P10 / P50 / P90 kg', value: (x) => bandText(x.band) },
      ],
      { header: style.dim },
    );
  } else out += notModelled(p.delivered, style);

  out += heading(p.supply.modelled && p.supply.path !== 'this mission' ? `Supply impact (${p.supply.path}: comparison only)` : 'Supply impact', style);
  if (p.supply.modelled) {
    const sp = p.supply;
    if (sp.elements.length > 0) out += renderTable(
      sp.elements,
      [
        { header: '  element', value: (x) => `  ${x.element}`, align: 'left' },
        { header: 'kg/yr', value: (x) => num(x.deliveredKgPerYear) },
        { header: 'world kg/yr', value: (x) => num(x.worldSupplyKgPerYear) + (x.supplyApproximate ? '~' : '') },
        { header: 'share', value: (x) => pct(x.shareOfWorld) },
        { header: 'outside dominant', value: (x) => (x.shareOutsideDominant === null ? '—' : `${pct(x.shareOutsideDominant)} (ex ${x.dominantProducer})`), align: 'left' },
        { header: 'price $/kg', value: (x) => num(x.priceUsdPerKg) },
        { header: 'responded $/kg', value: (x) => num(x.respondedPriceUsdPerKg) },
        { header: 'change', value: (x) => pct(x.priceChangeFraction) },
      ],
      { header: style.dim },
    );
    if (sp.elements.some((x) => x.supplyApproximate)) out += `  ${style.dim('~ approximate world-supply figure (PGM market reports; REE derived from world REO and a published output distribution)')}\n`;
    for (const x of sp.elements) {
      const why = x.notes.find((n) => n.startsWith('world supply derived') || n.startsWith('no world-supply figure'));
      if (why) out += `  ${style.dim(`${x.element}: ${why}`)}\n`;
    }
    if (sp.ree) out += `  ΣREE as oxide: ${num(sp.ree.deliveredReoKgPerYear)} kg REO = ${pct(sp.ree.shareOfWorld)} of world REO, ${pct(sp.ree.shareOutsideChina)} of supply outside China\n`;
    const se = sp.semiconductors;
    if (se) {
      out += `  semiconductors: ${se.die}, ${num(se.dieAreaMm2)} mm² · ${num(se.grossDiesPerWafer)} gross dies per wafer · yield ${pct(se.dieYield)} · ${se.stack} film stack (${se.layers.map((l) => `${l.element} ${num(l.thicknessNm)} nm × ${num(l.levels)}`).join(', ')}) · utilisation ${num(se.utilisation)}\n`;
      if (se.dieNote) out += `  ${style.yellow('!')} ${se.dieNote}\n`;
      if (se.elements.length > 0) out += renderTable(
        se.elements,
        [
          { header: '  element', value: (x) => `  ${x.element}`, align: 'left' },
          { header: 'g/wafer', value: (x) => num(x.gramsPerWafer) },
          { header: 'wafers/yr', value: (x) => num(x.wafersPerYear) },
          { header: 'accelerators/yr', value: (x) => num(x.acceleratorsPerYear) },
          { header: 'mg/accelerator', value: (x) => num(x.mgPerAccelerator) },
          { header: 'of world wafers', value: (x) => pct(x.shareOfWorldWafers) },
        ],
        { header: style.dim },
      );
      if (se.notInStackNote) out += `  ${se.notInStackNote}\n`;
      out += `  full stack: ${num(se.fullStackWafersPerYear)} wafers/yr${se.limitingElement ? ` (limited by ${se.limitingElement})` : ''}; world output ${num(se.worldWafersPerYear)} wafers/yr (300 mm equivalents, all device types)\n`;
    } else if (sp.semiconductorsNote) out += `  semiconductors: ${sp.semiconductorsNote}\n`;
    out += `  method: ${sp.method}\n`;
  } else out += notModelled(p.supply, style);

  out += heading('Orbital compute', style);
  if (p.orbitalCompute.modelled) {
    const oc = p.orbitalCompute;
    const pairs: Array<[string, string]> = [
      ['data centre', `${num(oc.powerGw)} GW for ${num(oc.years)} yr · ${num(oc.satellites)} satellites · ${num(oc.massKg)} kg launched at ${usd(oc.launchUsdPerKg)}/kg`],
      ['launch price', oc.launchPriceBasis],
      ['cost', `orbital ${usd(oc.orbitalTotalUsd)} vs terrestrial ${usd(oc.terrestrialTotalUsd)}`],
      ['LCOE', `orbital ${usd(oc.lcoeUsdPerMWh)}/MWh vs terrestrial ${usd(oc.terrestrialLcoeUsdPerMWh)}/MWh (${oc.lcoeBasis})`],
      ['parity launch price', oc.parityLaunchUsdPerKg === null ? `none — ${oc.parityNote} (raw ${usd(oc.parityRawUsdPerKg)}/kg)` : `${usd(oc.parityLaunchUsdPerKg)}/kg`],
      ['parity per MWh', oc.parityLcoeLaunchUsdPerKg === null ? 'none (orbital LCOE above terrestrial even with free launch)' : `${usd(oc.parityLcoeLaunchUsdPerKg)}/kg`],
    ];
    const l = oc.link;
    if (l) {
      const label = l.path === 'this mission' ? 'this mission' : 'if delivered to orbit';
      const unused = Object.entries(l.unusedKg);
      pairs.push([
        label,
        `${num(l.deliveredKg)} kg delivered replaces ${num(l.replacedKg)} kg of launched mass (${l.categories.map((c) => `${c.category} ${pct(c.coverage)} of ${num(c.needKg)} kg`).join(', ')}); saves ${usd(l.launchCostSavedUsd)}, ${usd(l.launchCostSavedUsdPerGw)} per GW` +
          (unused.length ? `; no use in orbit: ${unused.map(([k, v]) => `${k} ${num(v)} kg`).join(', ')}` : '') +
          (l.path === 'this mission' ? '' : ' — comparison only, this mission delivers to Earth'),
      ]);
      pairs.push([
        'parity shift',
        l.parityBeforeUsdPerKg !== null && l.parityAfterUsdPerKg !== null
          ? `${usd(l.parityBeforeUsdPerKg)}/kg → ${usd(l.parityAfterUsdPerKg)}/kg (${l.parityChangeUsdPerKg !== null && l.parityChangeUsdPerKg < 0 ? '−' : '+'}${usd(Math.abs(l.parityChangeUsdPerKg ?? 0))}/kg)`
          : `${l.parityBeforeUsdPerKg === null && l.parityAfterUsdPerKg === null ? 'no parity before or after' : l.parityNote}; raw ${l.parityRawBeforeUsdPerKg === null ? '—' : `${usd(l.parityRawBeforeUsdPerKg)}/kg`} → ${l.parityRawAfterUsdPerKg === null ? '—' : `${usd(l.parityRawAfterUsdPerKg)}/kg`}`,
      ]);
    }
    pairs.push(['method', oc.method]);
    out += renderPairs(pairs, '  ');
  } else out += notModelled(p.orbitalCompute, style);

  out += heading('Economics', style);
  if (p.economics.modelled) {
    const e = p.economics;
    const pairs: Array<[string, string]> = [
      ['NPV', `${usd(e.npvUsd)} at ${pct(e.discountRate)}/yr (P10 / P50 / P90 ${bandText(e.band, usd)})`],
      ['revenue', usd(e.revenueUsd)],
      ['costs', `${usd(e.costUsd)}: ${Object.entries(e.costs).map(([k, v]) => `${k} ${usd(v)}`).join(', ')}`],
      ['IRR', e.irr === null ? '— (no sign change)' : pct(e.irr)],
      ['payback', e.paybackYear === null ? 'never within the campaign' : String(e.paybackYear)],
    ];
    if (e.capsuleUnitCostUsd !== null) pairs.push(['capsule cost', `${usd(e.capsuleUnitCostUsd)} each — ${e.capsuleCostBasis ?? ''}`]);
    pairs.push([
      'avoided launch',
      p.scenario.delivery === 'orbit'
        ? `each kg delivered to orbit earns ${usd(e.avoidedLaunchUsdPerKg)}, the launch it saves — ${e.avoidedLaunchBasis}`
        : `${usd(e.avoidedLaunchUsdPerKg)} per kg if the cargo went to orbit instead (comparison only; this mission sells on Earth) — ${e.avoidedLaunchBasis}`,
    ]);
    pairs.push(['method', e.method]);
    out += renderPairs(pairs, '  ');
  } else out += notModelled(p.economics, style);

  if (p.uncertainty.samples > 0) {
    out += heading('Uncertain inputs', style);
    out += renderTable(
      p.uncertainty.inputs.filter((i) => i.low !== i.high),
      [
        { header: '  input', value: (i) => `  ${i.field}`, align: 'left' },
        { header: 'distribution', value: (i) => i.distribution, align: 'left' },
        { header: 'low', value: (i) => num(i.low) },
        { header: 'central', value: (i) => num(i.central) },
        { header: 'high', value: (i) => num(i.high) },
      ],
      { header: style.dim },
    );
    if (p.uncertainty.infeasibleSamples > 0) out += `  ${num(p.uncertainty.infeasibleSamples)} of ${num(p.uncertainty.samples)} samples infeasible (counted as zero delivery)\n`;
  }

  if (p.warnings.length > 0) {
    out += heading('Warnings', style);
    for (const w of p.warnings) out += `  ${style.yellow('!')} ${w}\n`;
  }
  return out;
}
