/**
 * The plan as a readable text report. Every number printed here is a field of the Plan (rounded
 * for reading; shares shown as percent) — test/cli/plan.test.ts checks that against --json.
 */
import type { Band, Plan, Section } from '../../src/scenario/plan-types.js';
import type { Style } from './style.js';
import { fmtSig, renderPairs, renderTable } from './table.js';

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

function bandText(b: Band | null, f: (x: number) => string = num): string {
  if (!b) return '—';
  return `${f(b.p10)} / ${f(b.p50)} / ${f(b.p90)}`;
}

function notModelled(s: Section<unknown>, style: Style): string | null {
  if (s.modelled) return null;
  return `  ${style.yellow('not modelled')}: ${s.reason}\n`;
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
        ['diameter', `${num(t.diameterKm)} km (range ${num(t.diameterKmLow)}–${num(t.diameterKmHigh)} km; basis: ${t.sizeBasis ?? 'unknown'})`],
        ['mass', t.massKg === null ? '—' : `${num(t.massKg)} kg (range ${num(t.massKgLow)}–${num(t.massKgHigh)} kg)`],
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
        ['launch', `${t.launch} → arrive ${t.arrival} → leave ${t.departure} → Earth ${t.returnDate}`],
        ['durations', `out ${num(t.outDays)} d · stay ${num(t.stayDays)} d · return ${num(t.returnDays)} d · total ${num(t.totalDays)} d`],
        ['C3', `${num(t.c3Km2S2)} km²/s²`],
        ['Δv', `depart ${num(t.dvDepartKmS)} + arrive ${num(t.vArrNeoKmS)} + leave ${num(t.vDepNeoKmS)} + entry cap ${num(t.dvEntryKmS)} = ${num(t.dvTotalKmS)} km/s`],
        ['entry speed', `${num(t.entrySpeedKmS)} km/s`],
        ['Δv model error', `×${num(t.dvFactor.low)}–${num(t.dvFactor.high)} (central ${num(t.dvFactor.central)}; ${t.dvFactor.source})`],
        ['method', t.method],
      ],
      '  ',
    );
  } else out += notModelled(p.trajectory, style);

  out += heading('Spacecraft', style);
  if (p.propulsion.modelled) {
    const s = p.propulsion;
    out += renderPairs(
      [
        ['propulsion', `${num(s.powerW)} W at 1 AU · Isp ${num(s.ispS)} s · η ${num(s.efficiency)} · thrust ${num(s.thrustN)} N`],
        ['masses', `launch ${num(s.launchMassKg)} kg · propellant ${num(s.propellantKg)} kg · max return cargo ${num(s.maxReturnCargoKg)} kg`],
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
        { header: 'm0 kg', value: (l) => num(l.initialMassKg) },
        { header: 'propellant kg', value: (l) => num(l.propellantKg) },
        { header: 'burn d', value: (l) => num(l.burnDays) },
        { header: 'leg d', value: (l) => num(l.legDays) },
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
        ['mass', `refined ${num(d.refinedKg)} − left behind ${num(d.leftBehindKg)} − consumed ${num(d.consumedKg)} = delivered ${num(d.deliveredKg)} kg to ${d.destination}`],
        ['P10 / P50 / P90', `${bandText(d.band)} kg`],
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

  out += heading('Supply impact', style);
  if (p.supply.modelled) {
    if (p.supply.elements.length > 0) out += renderTable(
      p.supply.elements,
      [
        { header: '  element', value: (x) => `  ${x.element}`, align: 'left' },
        { header: 'kg/yr', value: (x) => num(x.deliveredKgPerYear) },
        { header: 'world kg/yr', value: (x) => num(x.worldSupplyKgPerYear) },
        { header: 'share', value: (x) => pct(x.shareOfWorld) },
        { header: 'outside dominant', value: (x) => pct(x.shareOutsideDominant) },
        { header: 'price $/kg', value: (x) => num(x.priceUsdPerKg) },
        { header: 'responded $/kg', value: (x) => num(x.respondedPriceUsdPerKg) },
      ],
      { header: style.dim },
    );
    if (p.supply.semiconductors) out += renderPairs(Object.entries(p.supply.semiconductors).filter(([, v]) => typeof v === 'number' || typeof v === 'string').map(([k, v]) => [k, typeof v === 'number' ? num(v) : String(v)] as const), '  ');
    out += `  method: ${p.supply.method}\n`;
  } else out += notModelled(p.supply, style);

  out += heading('Orbital compute', style);
  if (p.orbitalCompute.modelled) {
    const oc = p.orbitalCompute;
    out += renderPairs(
      [
        ['data centre', `${num(oc.powerGw)} GW for ${num(oc.years)} yr · ${num(oc.satellites)} satellites · ${num(oc.massKg)} kg launched at ${usd(oc.launchUsdPerKg)}/kg`],
        ['cost', `orbital ${usd(oc.orbitalTotalUsd)} vs terrestrial ${usd(oc.terrestrialTotalUsd)}`],
        ['parity launch price', oc.parityLaunchUsdPerKg === null ? 'none (orbital never cheaper)' : `${usd(oc.parityLaunchUsdPerKg)}/kg`],
        ['this mission', `replaces ${num(oc.replacedKg)} kg of launched mass, saves ${usd(oc.launchCostSavedUsd)}; parity with it ${oc.parityWithDeliveryUsdPerKg === null ? 'none' : `${usd(oc.parityWithDeliveryUsdPerKg)}/kg`}`],
        ['method', oc.method],
      ],
      '  ',
    );
  } else out += notModelled(p.orbitalCompute, style);

  out += heading('Economics', style);
  if (p.economics.modelled) {
    const e = p.economics;
    out += renderPairs(
      [
        ['NPV', `${usd(e.npvUsd)} at ${pct(e.discountRate)}/yr (P10 / P50 / P90 ${bandText(e.band, usd)})`],
        ['revenue', usd(e.revenueUsd)],
        ['costs', `${usd(e.costUsd)}: ${Object.entries(e.costs).map(([k, v]) => `${k} ${usd(v)}`).join(', ')}`],
        ['IRR', e.irr === null ? '— (no sign change)' : pct(e.irr)],
        ['payback', e.paybackYear === null ? 'never within the campaign' : String(e.paybackYear)],
        ['method', e.method],
      ],
      '  ',
    );
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
