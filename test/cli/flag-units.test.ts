// Every dimensional flag takes a bare number in its documented unit or a quantity with a unit
// (README: "quantities accept units wherever a flag or field takes one"), with one-line errors that
// name the flag and the dimension it expects. Table-driven over the commands. Money flags likewise
// take "$500/kg", "$1.2M", "2.5 $/W" (parser tables and orbital-dc runs at the end).
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';
import { parseMoneyFlag, parseMoneyRange, USD, USD_PER_KG, USD_PER_MMBTU, USD_PER_W, type MoneyUnit } from '../../cli/parse.js';
import { parseSweep } from '../../cli/commands/orbital-dc.js';

/** Numbers to 12 significant digits (unit conversions may differ in the last bit); run timings dropped. */
function normalized(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
  if (Array.isArray(x)) return x.map(normalized);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'elapsedS').map(([k, v]) => [k, normalized(v)]));
  }
  return x;
}

const TRIP = ['trip', '1991 VG', '--launch', '2039-05-01', '--out-days', '129', '--stay-days', '32', '--return-days', '225'];
const PORK = ['porkchop', '2000 SG344', '--launch', '2028-01-01..2028-03-01'];
const PROP = ['propulsion', '--dry-mass', '1500', '--thruster', 'next-c', '--thrusters', '2'];
const LEGS = ['--dv-out', '0.5', '--days-out', '182.625', '--dv-back', '1', '--days-back', '300'];
const REFINE = ['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '30', '--concentrator-diameter', '10'];
const SCREEN = ['screen', '--limit', '1', '--workers', '0', '--launch', '2030-01-01..2030-06-01', '--step', '16'];
const ENTRY = ['reentry', '--preset', 'stardust'];

/** [what, argv with units, the same with bare numbers in the documented units]. */
const SAME: Array<[string, string[], string[]]> = [
  ['trip --max-days', [...TRIP, '--max-days', '2 yr'], [...TRIP, '--max-days', '730.5']],
  ['trip --min-stay', [...TRIP, '--min-stay', '168 h'], [...TRIP, '--min-stay', '7']],
  ['trip --max-c3 (typographic ²)', [...TRIP, '--max-c3', '50 km²/s²'], [...TRIP, '--max-c3', '50']],
  ['trip --max-c3', [...TRIP, '--max-c3', '5e7 m^2/s^2'], [...TRIP, '--max-c3', '50']],
  ['trip --max-entry', [...TRIP, '--max-entry', '12500 m/s'], [...TRIP, '--max-entry', '12.5']],
  ['trip --max-dv', [...TRIP, '--max-dv', '12 km/s'], [...TRIP, '--max-dv', '12']],
  ['trip --step', [...TRIP, '--step', '2 d'], [...TRIP, '--step', '2']],
  ['trip --max-leg-days', [...TRIP, '--max-leg-days', '1 yr'], [...TRIP, '--max-leg-days', '365.25']],
  ['trip --leo-altitude', [...TRIP, '--leo-altitude', '300000 m'], [...TRIP, '--leo-altitude', '300']],
  ['trip --entry-altitude', [...TRIP, '--entry-altitude', '120 km'], [...TRIP, '--entry-altitude', '120']],
  [
    'trip --out-days/--stay-days/--return-days',
    ['trip', '1991 VG', '--launch', '2039-05-01', '--out-days', '129 d', '--stay-days', '768 h', '--return-days', '225 days'],
    TRIP,
  ],
  ['porkchop --tof (each end its unit)', [...PORK, '--tof', '60 d..0.5 yr', '--step', '10'], [...PORK, '--tof', '60..182.625', '--step', '10']],
  ['porkchop --tof (a bare start takes the end unit)', [...PORK, '--tof', '0.25..0.5 yr', '--step', '10'], [...PORK, '--tof', '91.3125..182.625', '--step', '10']],
  ['porkchop --step', [...PORK, '--tof', '60..180', '--step', '240 h'], [...PORK, '--tof', '60..180', '--step', '10']],
  [
    'propulsion --dv-out/--days-out/--dv-back/--days-back lists',
    [...PROP, '--dv-out', '500 m/s', '--days-out', '0.5 yr', '--dv-back', '1 km/s', '--days-back', '300 d'],
    [...PROP, ...LEGS],
  ],
  ['propulsion --stay', [...PROP, ...LEGS, '--stay', '720 h'], [...PROP, ...LEGS, '--stay', '30']],
  ['propulsion --r-out range', [...PROP, ...LEGS, '--r-out', '0.9..1.2 AU'], [...PROP, ...LEGS, '--r-out', '0.9..1.2']],
  ['propulsion --r-back one value', [...PROP, ...LEGS, '--r-back', '1.2 AU'], [...PROP, ...LEGS, '--r-back', '1.2']],
  ['propulsion --edelbaum/--di', ['propulsion', '--edelbaum', '7000 km,42166 km', '--di', '28.5 deg'], ['propulsion', '--edelbaum', '7000,42166', '--di', '28.5']],
  [
    'propulsion --tof/--r (arc estimate)',
    ['propulsion', '--dv1', '0.32,-0.345,0.043', '--dv2', '-0.51,0.175,0.087', '--tof', '3600 h', '--r', '1.1 AU'],
    ['propulsion', '--dv1', '0.32,-0.345,0.043', '--dv2', '-0.51,0.175,0.087', '--tof', '150', '--r', '1.1'],
  ],
  [
    'propulsion --array-kg-per-kw/--ep-kg-per-kw (sizing)',
    ['propulsion', ...LEGS, '--cargo', '500', '--size', '--bus-mass', '800', '--thruster', 'spt-140', '--array-kg-per-kw', '5 kg/kW', '--ep-kg-per-kw', '7 g/W'],
    ['propulsion', ...LEGS, '--cargo', '500', '--size', '--bus-mass', '800', '--thruster', 'spt-140', '--array-kg-per-kw', '5', '--ep-kg-per-kw', '7'],
  ],
  ['refine --stay-days', ['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '1 yr', '--concentrator-diameter', '10'], ['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '365.25', '--concentrator-diameter', '10']],
  [
    'refine --out-days',
    ['refine', 'Bennu', '--launch', '2030-01-01', '--out-days', '0.5 yr', '--stay-days', '30', '--concentrator-diameter', '10'],
    ['refine', 'Bennu', '--launch', '2030-01-01', '--out-days', '182.625', '--stay-days', '30', '--concentrator-diameter', '10'],
  ],
  ['refine --step-days', [...REFINE, '--step-days', '12 h'], [...REFINE, '--step-days', '0.5']],
  ['refine --specific-energy', [...REFINE, '--specific-energy', '2.5 kWh/kg'], [...REFINE, '--specific-energy', '9']],
  ['targets --max-dv', ['targets', '--max-dv', '5000 m/s'], ['targets', '--max-dv', '5']],
  ['screen --max-sh-dv', [...SCREEN, '--max-sh-dv', '4000 m/s'], [...SCREEN, '--max-sh-dv', '4']],
  ['screen --max-days', [...SCREEN, '--max-days', '1 yr'], [...SCREEN, '--max-days', '365.25']],
  ['orbital-dc --gw', ['orbital-dc', '--gw', '500 MW'], ['orbital-dc', '--gw', '0.5']],
  ['orbital-dc --years', ['orbital-dc', '--years', '1826.25 d'], ['orbital-dc', '--years', '5']],
  ['orbital-dc --specific-power', ['orbital-dc', '--specific-power', '0.05 kW/kg'], ['orbital-dc', '--specific-power', '50']],
  ['lambert --mu', ['lambert', '--r1', '7000,0,0', '--r2', '0,8000,0', '--tof', '1 h', '--mu', '398600441800000 m^3/s^2'], ['lambert', '--r1', '7000,0,0', '--r2', '0,8000,0', '--tof', '3600', '--mu', 'earth']],
  ['reentry --latitude/--azimuth', [...ENTRY, '--compare-refinements', '--latitude', '2460 arcmin', '--azimuth', '110 deg'], [...ENTRY, '--compare-refinements', '--latitude', '41', '--azimuth', '110']],
  ['reentry --step/--sample', [...ENTRY, '--step', '200 ms', '--sample', '0.5 min'], [...ENTRY, '--step', '0.2', '--sample', '30']],
  ['market --die-area', ['market', 'Pt=1t', '--die-area', '8 cm^2'], ['market', 'Pt=1t', '--die-area', '800']],
];

describe('dimensional flags accept units', () => {
  it.each(SAME)('%s: a quantity with a unit gives the same result as the bare number', async (_what, withUnits, bare) => {
    const a = await runCli([...withUnits, '--json']);
    const b = await runCli([...bare, '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(a.code, a.stderr).toBe(0);
    expect(normalized(envelope(a).result)).toEqual(normalized(envelope(b).result));
  });

  it('the stray-unit hint is a command that works: trip … --max-days 3650 d → --max-days "3650 d"', async () => {
    const stray = await runCli([...TRIP, '--max-days', '3650', 'd']);
    expect(stray.code).toBe(2);
    const hint = /--max-days "([^"]+)"/.exec(stray.stderr);
    expect(hint?.[1]).toBe('3650 d');
    const quoted = await runCli([...TRIP, '--max-days', hint![1], '--json']);
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(envelope(quoted).result.constraints.maxDays).toBe(3650);
  });
});

/** [argv, the one stderr line expected (exit 2)]. */
const BAD: Array<[string[], RegExp]> = [
  [[...TRIP, '--max-dv', '12 kg'], /^prospector: --max-dv: "12 kg" is not a speed; expected a number in km\/s or a speed with a unit such as "12 km\/s"$/],
  [[...TRIP, '--max-days', 'long'], /^prospector: --max-days: expected a duration in days \(a number, or with a unit such as "2 yr"\), got "long"$/],
  [[...TRIP, '--max-days', '-1 yr'], /^prospector: --max-days: expected a duration > 0 days, got "-1 yr" \(-365\.25 days\)$/],
  [[...TRIP, '--max-c3', '60 km/s'], /^prospector: --max-c3: "60 km\/s" is not a launch energy C3; expected a number in km\^2\/s\^2/],
  [[...TRIP, '--leo-altitude', '50 km'], /^prospector: --leo-altitude: expected a length ≥ 100 km, got "50 km"/],
  [[...TRIP, '--stay-days', '3 kg'], /^prospector: --stay-days: "3 kg" is not a duration/],
  [[...PORK, '--tof', '1..0.5 yr'], /^prospector: --tof: range end 0\.5 yr is before its start 1 yr \(a bare start takes the end's unit/],
  [[...PORK, '--tof', '100'], /^prospector: --tof: expected a range MIN\.\.MAX in days \(numbers, or with units such as "100 d\.\.2 yr"\), got "100"$/],
  [[...PORK, '--tof', '60..180', '--step', '1 m'], /^prospector: --step: "1 m" is not a duration/],
  [[...PROP, '--dv-out', '1 kg', '--days-out', '100'], /^prospector: --dv-out: "1 kg" is not a speed/],
  [[...PROP, '--dv-out', '1,', '--days-out', '100'], /^prospector: --dv-out: expected comma-separated values in km\/s/],
  [[...PROP, ...LEGS, '--r-out', '1 d..2 d'], /^prospector: --r-out: "1 d" is not a distance/],
  [['propulsion', '--edelbaum', '7000 km,1 s'], /^prospector: --edelbaum: "1 s" is not a length/],
  [[...REFINE.slice(0, 4), '--stay-days', '1 kW', '--concentrator-diameter', '10'], /^prospector: --stay-days: "1 kW" is not a duration/],
  [[...REFINE, '--specific-energy', '9 kg'], /^prospector: --specific-energy: "9 kg" is not a specific energy/],
  [['targets', '--max-dv', '5 kg'], /^prospector: --max-dv: "5 kg" is not a speed/],
  [['orbital-dc', '--gw', '1 kg'], /^prospector: --gw: "1 kg" is not a power/],
  [['screen', '--max-sh-dv', '4 kg'], /^prospector: --max-sh-dv: "4 kg" is not a speed/],
  [['market', 'Pt=1t', '--die-area', '8 cm'], /^prospector: --die-area: "8 cm" is not an area/],
  [[...ENTRY, '--rotating-earth', '--latitude', '41 km'], /^prospector: --latitude: "41 km" is not an angle/],
];

describe('dimensional flags: bad values', () => {
  it.each(BAD)('%j → exit 2, one line naming the flag and the dimension', async (argv, line) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('--json: the error envelope names the flag', async () => {
    const r = await runCli([...TRIP, '--max-dv', '12 kg', '--json']);
    expect(r.code).toBe(2);
    const e = envelope(r).error as { code: string; message: string; field: string };
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.field).toBe('--max-dv');
    expect(e.message).toMatch(/is not a speed/);
  });
});

// Money flags: a bare number in the flag's unit, or money as an analyst types it ("$500/kg",
// "$1.2M", "2.5 $/W", "$4.30/MMBtu"), with one-line errors naming the flag and an example.

describe('money flag parser', () => {
  const ACCEPTED: Array<[string, MoneyUnit, number]> = [
    // $/kg
    ['500', USD_PER_KG, 500],
    ['$500/kg', USD_PER_KG, 500],
    ['500 $/kg', USD_PER_KG, 500],
    ['500$/kg', USD_PER_KG, 500],
    ['500 USD/kg', USD_PER_KG, 500],
    ['500 usd / KG', USD_PER_KG, 500],
    ['US$500/kg', USD_PER_KG, 500],
    ['$500 per kg', USD_PER_KG, 500],
    ['$0.5k/kg', USD_PER_KG, 500],
    ['0.5 k$/kg', USD_PER_KG, 500],
    ['$500', USD_PER_KG, 500],
    ['$500/t', USD_PER_KG, 0.5],
    ['$3,600/tonne', USD_PER_KG, 3.6],
    ['$1,200/lb', USD_PER_KG, 1200 / 0.45359237],
    ['5e2', USD_PER_KG, 500],
    ['0', USD_PER_KG, 0],
    // $ totals
    ['1e9', USD, 1e9],
    ['$1.2M', USD, 1_200_000],
    ['$0.29M', USD, 290_000],
    ['$1B', USD, 1e9],
    ['$1bn', USD, 1e9],
    ['1.5 Bn USD', USD, 1.5e9],
    ['$2.5 billion', USD, 2.5e9],
    ['$250 million', USD, 2.5e8],
    ['$5MM', USD, 5e6],
    ['$3mn', USD, 3e6],
    ['$2T', USD, 2e12],
    ['$750k', USD, 750_000],
    ['750K USD', USD, 750_000],
    ['$1,000,000', USD, 1e6],
    ['USD 1e9', USD, 1e9],
    // $/W, $/MMBtu
    ['2.5 $/W', USD_PER_W, 2.5],
    ['$22/W', USD_PER_W, 22],
    ['$22k/kW', USD_PER_W, 22],
    ['$5000/kW', USD_PER_W, 5],
    ['$4.30/MMBtu', USD_PER_MMBTU, 4.3],
    ['4.3 USD/mmbtu', USD_PER_MMBTU, 4.3],
    ['$.5/MMBtu', USD_PER_MMBTU, 0.5],
  ];
  it.each(ACCEPTED)('%j → %d', (text, unit, value) => {
    expect(parseMoneyFlag(text, unit, '--x', { min: 0 })).toBe(value);
  });

  const REJECTED: Array<[string, MoneyUnit, string]> = [
    ['$5/W', USD_PER_KG, '--x: "$5/W" is a price per W; expected $/kg (or $/t, $/tonne, $/lb), e.g. "$500/kg"'],
    ['$500/kg', USD_PER_W, '--x: "$500/kg" is a price per kg; expected $/W (or $/kW), e.g. "$22/W"'],
    ['$4/GJ', USD_PER_MMBTU, '--x: "$4/GJ" is a price per GJ; expected $/MMBtu, e.g. "$4.30/MMBtu"'],
    ['$1B/kg', USD, '--x: "$1B/kg" is a price per kg; expected a total in $ with no "/", e.g. "$1B"'],
    ['$5m', USD, '--x: "m" in "$5m" is ambiguous (milli or million); write M for million, e.g. "$5M"'],
    ['5mm', USD, '--x: "mm" in "5mm" is ambiguous (milli or million); write M for million, e.g. "$5M"'],
    ['$5t', USD_PER_KG, '--x: "t" in "$5t" is ambiguous (trillion or tonne); write T for trillion, or "/t" for a price per tonne ("$500/t")'],
    ['$5t', USD, '--x: "t" in "$5t" is ambiguous (trillion or tonne); write T for trillion'],
    ['500 kg', USD_PER_KG, '--x: "500 kg" needs a "/" before kg, e.g. "$500/kg"'],
    ['5 EUR', USD, '--x: unknown suffix "EUR" in "5 EUR" (magnitudes are k, M, B or bn, T); expected an amount in $ (a number, or such as "$1B")'],
    ['cheap', USD_PER_KG, '--x: expected a price in $/kg (a number, or such as "$500/kg"), got "cheap"'],
    ['€500/kg', USD_PER_KG, '--x: expected a price in $/kg (a number, or such as "$500/kg"), got "€500/kg"'],
    ['$', USD, '--x: expected an amount in $ (a number, or such as "$1B"), got "$"'],
    ['$500/', USD_PER_KG, '--x: expected a price in $/kg (a number, or such as "$500/kg"), got "$500/"'],
    ['12,00', USD, '--x: expected an amount in $ (a number, or such as "$1B"), got "12,00"'],
    ['-$5/kg', USD_PER_KG, '--x: expected a price in $/kg ≥ $0/kg, got "-$5/kg"'],
    ['$-5', USD, '--x: expected an amount in $ ≥ $0, got "$-5"'],
    ['-5 $/t', USD_PER_KG, '--x: expected a price in $/kg ≥ $0/kg, got "-5 $/t" (-$0.005/kg)'],
    ['', USD, '--x: expected an amount in $ (a number, or such as "$1B")'],
    // What the shell leaves of "$500/kg" and "$1.2M" inside double quotes ("$5", "$1" expanded).
    ['00/kg', USD_PER_KG, `--x: "00/kg" looks like the shell expanded a "$" and a digit; quote money in single quotes, e.g. --x '$500/kg'`],
    ['.2M', USD, `--x: ".2M" looks like the shell expanded a "$" and a digit; quote money in single quotes, e.g. --x '$1B'`],
  ];
  it.each(REJECTED)('%j is refused: %s', (text, unit, message) => {
    expect(() => parseMoneyFlag(text, unit, '--x', { min: 0 })).toThrow(message);
    try {
      parseMoneyFlag(text, unit, '--x', { min: 0 });
    } catch (e) {
      expect((e as Error).name).toBe('InputError');
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('ranges: each end money, a start without a denominator takes the end\'s, a bare start its magnitude', () => {
    expect(parseMoneyRange('200..3600', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('$200..$3600/kg', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('$200/kg..$3.6k/kg', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('0.2..3.6k $/kg', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('$200..$3.6k', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('$200,000..$3.6M/t', USD_PER_KG, '--x')).toEqual([200, 3600]);
    expect(parseMoneyRange('1..2B', USD, '--x')).toEqual([1e9, 2e9]);
    expect(() => parseMoneyRange('200..3.6k', USD_PER_KG, '--x')).toThrow(
      `--x: range end 3.6k is below its start 200 (a bare start takes the end's magnitude: 200k..3.6k; write both ends in full, e.g. "$200..$3.6k")`,
    );
    expect(() => parseMoneyRange('$200..$5/W', USD_PER_KG, '--x')).toThrow('--x: "$5/W" is a price per W; expected $/kg');
    expect(() => parseMoneyRange('$200', USD_PER_KG, '--x')).toThrow('--x: expected a range FROM..TO in $/kg (numbers, or such as "$200..$3600/kg"), got "$200"');
  });

  it('--sweep: launch-cost=FROM..TO[:N] with money ends', () => {
    expect(parseSweep('launch-cost=200..3600')).toEqual({ from: 200, to: 3600, steps: 18 });
    expect(parseSweep('launch-cost=$200..$3600/kg:5')).toEqual({ from: 200, to: 3600, steps: 5 });
    expect(parseSweep(' launch-cost = $0.2k..$3.6k/kg : 35 ')).toEqual({ from: 200, to: 3600, steps: 35 });
    expect(parseSweep('launch-cost=$200k..$3.6M/t:2')).toEqual({ from: 200, to: 3600, steps: 2 });
    expect(() => parseSweep('launch-cost=$200..$5/W')).toThrow('--sweep: "$5/W" is a price per W; expected $/kg');
    expect(() => parseSweep('launch-cost=200..200')).toThrow('--sweep: the range end 200 must be above its start 200');
    expect(() => parseSweep('launch-cost=200..3600:1')).toThrow('--sweep: expected a number ≥ 2, got "1"');
    expect(() => parseSweep('launch=1..2')).toThrow(/^--sweep: expected launch-cost=FROM\.\.TO\[:N\] in \$\/kg/);
    expect(() => parseSweep('launch-cost=500')).toThrow(/^--sweep: expected launch-cost=FROM\.\.TO\[:N\] in \$\/kg/);
  });
});

const ODC = ['orbital-dc', '--json'];
/** [what, argv with money, the same with bare numbers]. */
const MONEY_SAME: Array<[string, string[], string[]]> = [
  ['--sat-cost $5/W', [...ODC, '--sat-cost', '$5/W'], [...ODC, '--sat-cost', '5']],
  ['--sat-cost $5k/kW', [...ODC, '--sat-cost', '$5k/kW'], [...ODC, '--sat-cost', '5']],
  ['--launch-cost $200/kg', [...ODC, '--launch-cost', '$200/kg'], [...ODC, '--launch-cost', '200']],
  ['--launch-cost 200 USD/kg', [...ODC, '--launch-cost', '200 USD/kg'], [...ODC, '--launch-cost', '200']],
  ['--launch-cost $200k/t', [...ODC, '--launch-cost', '$200k/t'], [...ODC, '--launch-cost', '200']],
  ['--nre $1.5B', [...ODC, '--nre', '$1.5B'], [...ODC, '--nre', '1500000000']],
  ['--nre 250 million USD', [...ODC, '--nre', '250 million USD'], [...ODC, '--nre', '2.5e8']],
  ['--gas-price $3.10/MMBtu', [...ODC, '--gas-price', '$3.10/MMBtu'], [...ODC, '--gas-price', '3.1']],
  ['--sweep launch-cost=$200..$3.6k/kg:5', [...ODC, '--sweep', 'launch-cost=$200..$3.6k/kg:5'], [...ODC, '--sweep', 'launch-cost=200..3600:5']],
];

describe('money flags accept $, magnitudes and denominators', () => {
  it.each(MONEY_SAME)('orbital-dc %s gives the same result as the bare number', async (_what, withMoney, bare) => {
    const a = await runCli(withMoney);
    const b = await runCli(bare);
    expect(b.code, b.stderr).toBe(0);
    expect(a.code, a.stderr).toBe(0);
    expect(normalized(envelope(a).result)).toEqual(normalized(envelope(b).result));
  });
});

const MONEY_BAD: Array<[string[], string]> = [
  [['orbital-dc', '--launch-cost', '$5/W'], 'prospector: --launch-cost: "$5/W" is a price per W; expected $/kg (or $/t, $/tonne, $/lb), e.g. "$500/kg"'],
  [['orbital-dc', '--sat-cost', '$500/kg'], 'prospector: --sat-cost: "$500/kg" is a price per kg; expected $/W (or $/kW), e.g. "$22/W"'],
  [['orbital-dc', '--nre', '$1m'], 'prospector: --nre: "m" in "$1m" is ambiguous (milli or million); write M for million, e.g. "$5M"'],
  [['orbital-dc', '--nre', '$1B/kg'], 'prospector: --nre: "$1B/kg" is a price per kg; expected a total in $ with no "/", e.g. "$1B"'],
  [['orbital-dc', '--gas-price', '-$4/MMBtu'], 'prospector: --gas-price: expected a price in $/MMBtu ≥ $0/MMBtu, got "-$4/MMBtu"'],
  [['orbital-dc', '--launch-cost', '00/kg'], `prospector: --launch-cost: "00/kg" looks like the shell expanded a "$" and a digit; quote money in single quotes, e.g. --launch-cost '$500/kg'`],
  [['orbital-dc', '--sweep', 'launch-cost=$200..$5/W'], 'prospector: --sweep: "$5/W" is a price per W; expected $/kg (or $/t, $/tonne, $/lb), e.g. "$500/kg"'],
];

describe('money flags: bad values', () => {
  it.each(MONEY_BAD)('%j → exit 2 and one line', async (argv, line) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('--json: the error envelope names the money flag', async () => {
    const r = await runCli(['orbital-dc', '--launch-cost', '$5/W', '--json']);
    expect(r.code).toBe(2);
    const e = envelope(r).error as { code: string; message: string; field: string };
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: '--launch-cost' });
    expect(e.message).toMatch(/is a price per W; expected \$\/kg/);
  });
});
