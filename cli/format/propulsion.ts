// Text rendering of the propulsion results: mass budget, max cargo, sizing, trip --ion report.
// Every figure is printed next to the method that produced it.
import type { Style } from './style.js';
import { fmt, fmtSig, renderPairs, renderTable } from './table.js';
import type { BudgetPhase, ConstraintCheck, MassBudget, MaxCargoResult, SizingResult, Spacecraft } from '../../src/propulsion/index.js';
import type { PropulsionReport } from '../../src/propulsion/trip-propulsion.js';

const kg = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${fmtSig(x, x >= 100 ? 5 : 4)} kg`);
const pct = (x: number) => `${(x * 100).toFixed(x * 100 < 10 && x !== 0 ? 1 : 0)} %`;

export function spacecraftLines(sc: Spacecraft, thrustAt1AuN: number): Array<[string, string]> {
  const th = sc.thruster;
  const cap = sc.ppuMaxW ?? sc.thrusterCount * th.maxInputPowerW;
  return [
    ['thruster', `${th.name} × ${sc.thrusterCount} firing  [${th.id}]`],
    ['', `Isp ${fmt(th.ispS, 0)} s, η ${fmt(th.efficiency, 3)}, ${fmt(th.thrustN * 1000, 1)} mN at ${fmt(th.maxInputPowerW / 1000, 2)} kW, runs down to ${fmt(th.minInputPowerW / 1000, 2)} kW`],
    ['power', `${fmt(sc.powerAt1AuW / 1000, 2)} kW to the thrusters at 1 AU (∝ 1/r²), PPU cap ${fmt(cap / 1000, 2)} kW`],
    ['thrust at 1 AU', `${fmt(thrustAt1AuN * 1000, 1)} mN  (T = 2ηP/(g0·Isp))`],
    ['thruster source', th.source],
    ['dry mass', `${kg(sc.dryMassKg)}${sc.propellantCapacityKg !== undefined ? `, tanks ${kg(sc.propellantCapacityKg)}` : ''}${sc.maxLaunchMassKg !== undefined ? `, launch limit ${kg(sc.maxLaunchMassKg)}` : ''}`],
  ];
}

function phaseRows(phases: BudgetPhase[]): string {
  return renderTable(phases, [
    { header: 'phase', value: (p) => p.phase, align: 'left' },
    { header: 'Δv km/s', value: (p) => fmt(p.dvKmS, 3) },
    { header: 'Δv method', value: (p) => (p.dvMethod === 'ballistic Lambert' && p.dvNote ? `${p.dvMethod} ×${/×\s*([\d.]+)/.exec(p.dvNote)?.[1] ?? '?'}` : p.dvMethod), align: 'left' },
    { header: 'days', value: (p) => fmt(p.durationDays, 0) },
    { header: 'r AU', value: (p) => fmt(p.thrustRAu, 3) },
    { header: 'thrust mN', value: (p) => fmt(p.thrustN * 1000, 1) },
    { header: 'burn d', value: (p) => (p.burnDays === null ? 'cannot' : fmt(p.burnDays, 1)) },
    { header: 'avail d', value: (p) => fmt(p.availableBurnDays, 1) },
    { header: 'start kg', value: (p) => fmt(p.startMassKg, 1) },
    { header: 'propellant kg', value: (p) => fmt(p.propellantKg, 2) },
    { header: 'cargo kg', value: (p) => fmt(p.start.cargoKg, 1) },
  ]);
}

function constraintRows(cs: ConstraintCheck[], s: Style, binding: string | null): string {
  return renderTable(cs, [
    { header: 'constraint', value: (c) => (c.id === binding ? s.bold(c.id) : c.id), align: 'left' },
    { header: 'value', value: (c) => fmt(c.value, c.unit === 'kg' || c.unit === 'W' ? 1 : 2) },
    { header: 'limit', value: (c) => fmt(c.limit, c.unit === 'kg' || c.unit === 'W' ? 1 : 2) },
    { header: 'unit', value: (c) => c.unit, align: 'left' },
    { header: 'use', value: (c) => (c.limit > 0 ? pct(c.value / c.limit) : '—') },
    { header: '', value: (c) => (c.satisfied ? s.green('ok') : s.red('VIOLATED')), align: 'left' },
  ]);
}

function lowThrustLines(phases: BudgetPhase[], s: Style): string {
  const rows = phases.filter((p) => p.lowThrust);
  if (!rows.length) return '';
  const out = rows.map((p) => {
    const l = p.lowThrust!;
    const verdict = l.feasible
      ? s.green(`feasible (start mass ${pct(l.massRatio)} of the MIMA maximum)`)
      : s.red(`INFEASIBLE: start mass ${fmt(l.massRatio, 2)} × the MIMA maximum; needs ${fmt(l.thrustNeededN * 1000, 1)} mN of full thrust, has ${fmt(p.thrustN * 1000, 1)} mN: short by ${fmt(l.thrustShortfallN * 1000, 1)} mN ≈ ${fmt(l.powerShortfallW / 1000, 2)} kW more thruster input power`);
    return [
      `  ${p.name}: MIMA a_req ${l.aReqMS2.toExponential(4)} m/s², max start mass ${kg(l.maxInitialMassKg)} (−14 %…+10 % vs optimum); ` +
        `Damon Δv ${fmt(l.damon.dvKmS, 3)} km/s, max start mass ${kg(l.damon.maxInitialMassKg)}`,
      `    ${verdict}`,
    ].join('\n');
  });
  return s.bold('Low-thrust feasibility (MIMA, Izzo et al. 2016; Damon, Landau)') + '\n' + out.join('\n') + '\n';
}

export function renderBudget(b: MassBudget, s: Style): string {
  const reserve = b.propellantReserveKg > 0 ? ` + reserve ${kg(b.propellantReserveKg)}` : '';
  const pairs: Array<[string, string]> = [
    ['launch mass', `${kg(b.launchMassKg)}  (rocket equation, backwards from the final mass)`],
    ['propellant', `${kg(b.propellantLoadedKg)} loaded = usable ${kg(b.propellantUsableKg)}${reserve}  (ve ${fmt(b.exhaustVelocityKmS, 2)} km/s)`],
    ['dry mass', `${kg(b.dryMassKg)} with contingency${b.tankageKg > 0 ? `, incl. tankage ${kg(b.tankageKg)}` : ''}`],
    ['cargo returned', kg(b.cargoKg)],
    ['verdict', b.feasible ? s.green('feasible') : s.red(`INFEASIBLE — binding: ${b.binding}`)],
  ];
  const where = b.thrustDistance === 'worst' ? 'at the farthest point of each leg from the Sun (least power)' : 'at the mean distance of each leg';
  return [
    s.bold('Legs (propellant: rocket equation; burn time t = m0·ve/T·(1 − e^(−Δv/ve)))'),
    s.dim(`  thrust ${where}; thrusters fire ${pct(b.dutyCycle)} of each leg`),
    phaseRows(b.phases),
    lowThrustLines(b.phases, s),
    s.bold('Mass budget'),
    renderPairs(pairs, '  '),
    s.bold('Constraints'),
    constraintRows(b.constraints, s, b.binding),
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderMaxCargo(r: MaxCargoResult, s: Style): string {
  const lim = renderTable(r.limits, [
    { header: 'constraint', value: (l) => (l.id === r.binding ? s.bold(l.id) : l.id), align: 'left' },
    { header: 'max cargo', value: (l) => (l.maxCargoKg === null ? 'no limit' : kg(l.maxCargoKg)) },
  ]);
  return [
    s.bold(`Max returnable cargo: ${kg(r.cargoKg)}`) + `  (${r.method}; binding: ${r.binding})`,
    '',
    s.bold('Cargo each constraint allows'),
    lim,
    renderBudget(r.budget, s),
  ].join('\n');
}

export function renderSizing(r: SizingResult, s: Style, thrustAt1AuN: number): string {
  const m = r.massBreakdownKg;
  const a = r.assumptions;
  const pairs: Array<[string, string]> = [
    ['power at 1 AU', `${fmt(r.powerAt1AuW / 1000, 2)} kW to the thrusters, ${r.thrusterCount} × ${r.spacecraft.thruster.id} firing → ${fmt(thrustAt1AuN * 1000, 1)} mN at 1 AU`],
    ['dry mass', `${kg(r.spacecraft.dryMassKg)} = bus ${kg(m.bus)} + arrays ${kg(m.arrays)} + thrusters/PPUs ${kg(m.propulsion)} (+ tankage ${kg(m.tankage)} in the budget)`],
    ['propellant', `${kg(r.budget.propellantLoadedKg)} loaded`],
    ['launch mass', kg(r.budget.launchMassKg)],
    ['sized by', r.binding],
  ];
  const assumptions: Array<[string, string]> = [
    ['arrays', `${fmt(a.arraySpecificMassKgPerKw, 2)} kg/kW — ${a.sources.arraySpecificMassKgPerKw}`],
    ['thrusters/PPUs', `${fmt(a.propulsionSpecificMassKgPerKw, 2)} kg/kW — ${a.sources.propulsionSpecificMassKgPerKw}`],
    ['tankage', `${fmt(a.tankageFraction, 3)} kg/kg — ${a.sources.tankageFraction}`],
  ];
  return [
    s.bold(`Spacecraft to return ${kg(r.cargoKg)}`) + `  (${r.method})`,
    renderPairs(pairs, '  '),
    s.bold('Sizing assumptions'),
    renderPairs(assumptions, '  '),
    renderBudget(r.budget, s),
  ].join('\n');
}

/** The `trip … --ion` section. */
export function renderPropulsionReport(r: PropulsionReport, s: Style): string {
  const sc = r.spacecraft;
  const head: Array<[string, string]> = [
    ['thruster', `${sc.thrusterName} × ${sc.thrusterCount}  [${sc.thruster}]`],
    ['', `Isp ${fmt(sc.ispS, 0)} s, η ${fmt(sc.efficiency, 3)}, ${fmt(sc.powerAt1AuW / 1000, 2)} kW at 1 AU → ${fmt(sc.thrustAt1AuN * 1000, 1)} mN at 1 AU`],
    ['dry mass', kg(sc.dryMassKg)],
    ['launcher', `C3 ${fmt(r.launcher.c3Km2S2, 2)} km²/s² — ${r.launcher.note}`],
  ];
  const legs = renderTable(r.legs, [
    { header: 'leg', value: (l) => l.name, align: 'left' },
    { header: 'impulsive km/s', value: (l) => fmt(l.impulsiveDvKmS, 3) },
    { header: 'method', value: (l) => l.impulsiveMethod, align: 'left' },
    { header: 'low-thrust km/s', value: (l) => fmt(l.lowThrustDvKmS, 3) },
    { header: 'method', value: (l) => l.lowThrustMethod, align: 'left' },
    { header: 'band km/s', value: (l) => `${fmt(l.bandKmS[0], 3)}…${fmt(l.bandKmS[1], 3)}` },
    { header: 'r AU', value: (l) => `${fmt(l.rAu.min, 3)}…${fmt(l.rAu.max, 3)}` },
    { header: 'days', value: (l) => fmt(l.durationDays, 0) },
  ]);
  const band = r.band;
  // Each leg's Δv at this end and how it was obtained (Damon × MIMA error, or impulsive × Lambert optimism).
  const bandLine = (label: string, c: typeof band.optimistic) => {
    const verdict = c.feasible ? (r.mode === 'max-cargo' ? `${kg(c.cargoKg)}, binding ${c.binding}` : 'feasible') : s.red(`infeasible (${c.binding})`);
    const legsText = c.legs.map((l) => `${l.name} ${fmt(l.dvKmS, 3)} km/s = ${l.basis}${l.belowEdelbaum ? ', below Edelbaum' : ''}`).join('; ');
    return `  ${label}: ${verdict}\n    ${s.dim(legsText + `; MIMA max mass × ${fmt(c.mimaMassFactor, 3)}`)}`;
  };
  const out = [
    s.bold('Ion propulsion') + `  (${r.method})`,
    renderPairs(head, '  '),
    s.bold('Leg Δv (ballistic Lambert → low thrust)'),
    legs,
  ];
  if (r.edelbaum) {
    const e = r.edelbaum;
    out.push(`  Edelbaum: ${fmt(e.dvKmS, 3)} km/s — ${e.note}${e.legsBelow.length ? `; ${e.legsBelow.join(', ')} below it (not clamped)` : ''}\n`);
  }
  out.push(
    r.mode === 'max-cargo'
      ? s.bold(`Max returnable cargo: ${kg(r.cargoKg)}`) + `  (${r.cargoMethod}; binding: ${r.binding})`
      : s.bold(`Cargo ${kg(r.cargoKg)}: ${r.budget.feasible ? 'feasible' : `INFEASIBLE — binding: ${r.binding}`}`),
    s.bold('  Δv band'),
    bandLine('optimistic', band.optimistic),
    bandLine('pessimistic', band.pessimistic),
    s.dim(`  band source: ${band.source}${r.mission.margins.dvFraction > 0 ? `; leg Δvs above are before the +${fmt(r.mission.margins.dvFraction * 100, 0)} % Δv margin` : ''}`),
    '',
    renderBudget(r.budget, s),
  );
  return out.join('\n');
}
