// Scenario files: units, distributions, and one-line errors naming the file, the field and what was expected.
import { describe, expect, it } from 'vitest';
import { parseScenarioText, parseScenario } from '../../src/scenario/load.js';
import { STARTER_SCENARIO } from '../../src/scenario/template.js';
import { AU_KM } from '../../src/astro/constants.js';
import { InputError } from '../../src/errors.js';

const BASE = `target: {designation: "1997 XR2"}
spacecraft: {dryMass: "1500 kg", power: "40 kW", isp: "3000 s", efficiency: 0.6}
refinery: {concentratorDiameter: "10 m", route: melt-metal, products: [Pt, Pd]}
`;

async function err(text: string, source = 'examples/x.yaml'): Promise<string> {
  try {
    await parseScenarioText(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('scenario schema', { timeout: 30_000 }, () => {
  it('converts unit strings to engine units and keeps bare numbers in the documented unit', async () => {
    const s = await parseScenarioText(BASE + 'window: {maxTotalDays: "2 yr", maxC3: 30, maxEntrySpeed: "12000 m/s"}\n', 'a.yaml');
    expect(s.spacecraft.dryMass).toEqual({ kind: 'fixed', value: 1500 });
    expect(s.spacecraft.power).toEqual({ kind: 'fixed', value: 40000 }); // 40 kW → W
    expect(s.spacecraft.isp).toBe(3000);
    expect(s.window.maxTotalDays).toBeCloseTo(730.5, 9); // Julian years (365.25 d)
    expect(s.window.maxC3).toBe(30);
    expect(s.window.maxEntrySpeed).toBeCloseTo(12, 12);
    expect(s.refinery.concentratorDiameter).toBe(10);
    expect(s.source).toBe('a.yaml');
  });

  it('reads AU through the unit layer (IAU 2012 B2: 1 AU = 149,597,870.7 km)', async () => {
    const { quantity } = await import('../../src/scenario/units.js');
    expect(await quantity('1.1 AU', 'km', 'x')).toBeCloseTo(1.1 * AU_KM, 3);
  });

  it('accepts {min, mode, max}, {p10, p50, p90} and numbers for uncertain inputs, with units inside', async () => {
    const s = await parseScenarioText(
      BASE.replace('products: [Pt, Pd]}', 'products: [Pt, Pd], captureEfficiency: {min: 0.3, mode: 0.5, max: 0.7}, dutyCycle: {p10: 40%, p50: 50%, p90: 60%}, recovery: {Pt: 0.9, Pd: {min: 0.7, mode: 0.8, max: 0.9}}}') +
        'finance: {launchCostUsdPerKg: {p10: 1500, p50: 2700, p90: 3600}}\n',
      'a.yaml',
    );
    expect(s.refinery.captureEfficiency).toEqual({ kind: 'triangular', min: 0.3, mode: 0.5, max: 0.7 });
    expect(s.refinery.dutyCycle).toEqual({ kind: 'percentiles', p10: 0.4, p50: 0.5, p90: 0.6 });
    expect(s.refinery.recovery).toEqual({ Pt: { kind: 'fixed', value: 0.9 }, Pd: { kind: 'triangular', min: 0.7, mode: 0.8, max: 0.9 } });
    expect(s.finance.launchCostUsdPerKg).toEqual({ kind: 'percentiles', p10: 1500, p50: 2700, p90: 3600 });
  });

  it('units inside distributions: {min, mode, max} in tonnes, {p10, p50, p90} in kW and MJ/kg', async () => {
    const s = await parseScenarioText(
      BASE.replace('dryMass: "1500 kg", power: "40 kW"', 'dryMass: {min: "2.5 t", mode: "3 t", max: 3600}, power: {p10: "55 kW", p50: "60 kW", p90: "62000 W"}').replace(
        'products: [Pt, Pd]}',
        'products: [Pt, Pd], specificEnergy: {min: "1.2 MJ/kg", mode: "1350 kJ/kg", max: 1.5}}',
      ),
      'a.yaml',
    );
    expect(s.spacecraft.dryMass).toEqual({ kind: 'triangular', min: 2500, mode: 3000, max: 3600 });
    expect(s.spacecraft.power).toEqual({ kind: 'percentiles', p10: 55000, p50: 60000, p90: 62000 });
    expect(s.refinery.specificEnergy).toEqual({ kind: 'triangular', min: 1.2, mode: 1.35, max: 1.5 });
    expect(await err(BASE.replace('dryMass: "1500 kg"', 'dryMass: {min: "2 t", mode: "3 s", max: "4 t"}'))).toBe(
      'examples/x.yaml: spacecraft.dryMass.mode: expected a positive quantity in kg, got "3 s" (wrong unit)',
    );
  });

  it('reads JSON as well as YAML', async () => {
    const s = await parseScenarioText(JSON.stringify({ target: { designation: 'Ryugu' }, spacecraft: { dryMass: 1000, power: '10 kW', thrusterPreset: 'nstar' }, refinery: { concentratorArea: '78.5 m^2', route: 'water', products: ['H2O'] } }), 'b.json');
    expect(s.refinery.concentratorArea).toBe(78.5);
    expect(s.delivery).toBe('earth');
  });

  it('says what is wrong in one line naming the file and the field', async () => {
    expect(await err(BASE.replace('"3000 s"', '"-3000 s"'))).toBe('examples/x.yaml: spacecraft.isp: expected a positive quantity in s, got "-3000 s"');
    expect(await err(BASE.replace('"40 kW"', '"40 kg"'))).toBe('examples/x.yaml: spacecraft.power: expected a positive quantity in W, got "40 kg" (wrong unit)');
    expect(await err(BASE.replace(/target.*\n/, ''))).toBe('examples/x.yaml: target: required field is missing (expected a section with designation, catalog)');
    expect(await err(BASE.replace('isp:', 'ispp:'))).toBe('examples/x.yaml: spacecraft: unknown field "ispp" (did you mean "isp"?)');
    expect(await err(BASE.replace('melt-metal', 'smelt'))).toMatch(/^examples\/x\.yaml: refinery\.route: expected one of "water", .*got "smelt"$/);
    expect(await err(BASE.replace('products: [Pt, Pd]', 'products: [Pt, Pd], captureEfficiency: {p10: 0.9, p50: 0.5, p90: 0.7}'))).toBe(
      'examples/x.yaml: refinery.captureEfficiency: expected p10 ≤ p50 ≤ p90, got 0.9, 0.5, 0.7',
    );
    expect(await err(BASE.replace('efficiency: 0.6', 'efficiency: 1.6'))).toBe('examples/x.yaml: spacecraft.efficiency: expected a fraction in (0, 1], got 1.6');
  });

  it('a misspelt required field is reported as the unknown key, with a suggestion, not as "missing"', async () => {
    // dryMas: both "unknown dryMas" and "dryMass missing" are issues; the typo is the cause to show.
    expect(await err(BASE.replace('dryMass:', 'dryMas:'))).toBe('examples/x.yaml: spacecraft: unknown field "dryMas" (did you mean "dryMass"?)');
    expect(await err(BASE.replace('target: {designation:', 'target: {designaton:'))).toBe('examples/x.yaml: target: unknown field "designaton" (did you mean "designation"?)');
    expect(await err(BASE.replace('refinery:', 'refinary:'))).toBe('examples/x.yaml: unknown field "refinary" (did you mean "refinery"?)');
    // A real field in the wrong section says where it belongs.
    expect(await err(BASE + 'window: {isp: 3000}\n')).toBe('examples/x.yaml: window: unknown field "isp" (it belongs under spacecraft)');
    // Nothing close: the known fields are listed.
    expect(await err(BASE + 'window: {zzz: 1}\n')).toBe(
      'examples/x.yaml: window: unknown field "zzz" (expected one of launch, maxTotalDays, minStayDays, maxC3, maxEntrySpeed, maxDv, stepDays)',
    );
    // Values: the closest allowed one is suggested; product-map keys too.
    expect(await err(BASE.replace('products: [Pt, Pd]', 'products: [Pt, Pdd]'))).toMatch(/^examples\/x\.yaml: refinery\.products\[1\]: expected one of "Pt", .*, got "Pdd" \(did you mean "Pd"\?\)$/);
    expect(await err(BASE.replace('products: [Pt, Pd]', 'products: [Pt, Pd], recovery: {Ptt: 0.9}'))).toBe('examples/x.yaml: refinery.recovery: unknown field "Ptt" (did you mean "Pt"?)');
    expect(await err(BASE + 'delivery: erth\n')).toBe('examples/x.yaml: delivery: expected one of "earth", "orbit", got "erth" (did you mean "earth"?)');
  });

  it('a malformed distribution is reported as one, in a per-product field (recovery) as anywhere else', async () => {
    const rec = (v: string) => err(BASE.replace('products: [Pt, Pd]', `products: [Pt, Pd], recovery: ${v}`));
    const cap = (v: string) => err(BASE.replace('products: [Pt, Pd]', `products: [Pt, Pd], captureEfficiency: ${v}`));
    // The same mistake gets the same message in both fields (recovery used to say `unknown fields "min", "mode", "max"`).
    expect(await rec('{min: 0.9, mode: 0.8, max: 0.6}')).toBe('examples/x.yaml: refinery.recovery: expected min ≤ mode ≤ max, got 0.9, 0.8, 0.6');
    expect(await cap('{min: 0.9, mode: 0.8, max: 0.6}')).toBe('examples/x.yaml: refinery.captureEfficiency: expected min ≤ mode ≤ max, got 0.9, 0.8, 0.6');
    expect(await rec('{min: 0.5, mode: 0.8, max: 1.9}')).toBe('examples/x.yaml: refinery.recovery.max: expected a fraction in (0, 1], got 1.9');
    expect(await rec('{p10: 0.5, p50: 0.6}')).toBe('examples/x.yaml: refinery.recovery: incomplete distribution: "p90" is missing (expected {p10, p50, p90})');
    expect(await cap('{p10: 0.5, p50: 0.6}')).toBe('examples/x.yaml: refinery.captureEfficiency: incomplete distribution: "p90" is missing (expected {p10, p50, p90})');
    expect(await rec('{min: 0.5, p50: 0.6, max: 0.7}')).toBe('examples/x.yaml: refinery.recovery: a distribution is {min, mode, max} or {p10, p50, p90}, not a mix of both (got {min, p50, max})');
    expect(await rec('{min: 0.5, mode: 0.6, max: 0.7, mean: 0.6}')).toBe('examples/x.yaml: refinery.recovery: unknown key "mean" in a distribution (expected {min, mode, max} or {p10, p50, p90})');
    // A plain number out of range (zod's union said "Invalid input").
    expect(await rec('1.5')).toBe('examples/x.yaml: refinery.recovery: expected a fraction in (0, 1], got 1.5');
    // Per product: the product's own path.
    expect(await rec('{Pt: {min: 0.9, mode: 0.8, max: 0.6}}')).toBe('examples/x.yaml: refinery.recovery.Pt: expected min ≤ mode ≤ max, got 0.9, 0.8, 0.6');
    expect(await rec('{Pt: 2, Pd: 0.5}')).toBe('examples/x.yaml: refinery.recovery.Pt: expected a fraction in (0, 1], got 2');
    expect(await rec('{Pt: 0.9, min: 0.5}')).toMatch(/^examples\/x\.yaml: refinery\.recovery: mixes product keys \(Pt\) with distribution key "min": /);
    expect(await rec('{Ptt: 0.9}')).toBe('examples/x.yaml: refinery.recovery: unknown field "Ptt" (did you mean "Pt"?)');
  });

  it('lists every problem (field and message) on the error, the first one in the message', async () => {
    const text = JSON.stringify({
      target: { designation: '1997 XR2' },
      spacecraft: { dryMass: -5, power: '60 kW', isp: 'abc' },
      refinery: { route: 'melt-metl', products: ['Pt'], concentratorDiameter: 10, recovery: { min: 0.9, mode: 0.8, max: 0.6 } },
    });
    let e: InputError | undefined;
    try {
      await parseScenarioText(text, 'bad.json');
    } catch (x) {
      e = x as InputError;
    }
    expect(e?.message).toBe('bad.json: spacecraft.dryMass: expected a positive quantity in kg, got -5 (and 3 more problems)');
    expect(e?.details?.problems).toEqual([
      { field: 'spacecraft.dryMass', message: 'expected a positive quantity in kg, got -5' },
      { field: 'spacecraft.isp', message: 'expected a positive quantity in s, got "abc"' },
      { field: 'refinery.route', message: expect.stringMatching(/^expected one of "water", .*got "melt-metl" \(did you mean "melt-metal"\?\)$/) },
      { field: 'refinery.recovery', message: 'expected min ≤ mode ≤ max, got 0.9, 0.8, 0.6' },
    ]);
    // A misspelt required field: the "missing" issue it causes is not a second problem.
    try {
      await parseScenarioText(BASE.replace('dryMass:', 'dryMas:'), 'x.yaml');
    } catch (x) {
      e = x as InputError;
    }
    expect(e?.details?.problems).toEqual([{ field: 'spacecraft.dryMas', message: 'unknown field "dryMas" (did you mean "dryMass"?)' }]);
  });

  it('a missing quantity says "required field is missing", not "got nothing"', async () => {
    const m = await err(BASE.replace('dryMass: "1500 kg", ', ''));
    expect(m).toBe('examples/x.yaml: spacecraft.dryMass: required field is missing (expected a positive quantity in kg)');
    expect(m).not.toContain('nothing');
  });

  it('YAML .inf, -.inf and .nan are printed as written, not as null', async () => {
    expect(await err(BASE.replace('"1500 kg"', '.inf'))).toBe('examples/x.yaml: spacecraft.dryMass: expected a positive quantity in kg, got .inf');
    expect(await err(BASE.replace('"3000 s"', '-.inf'))).toBe('examples/x.yaml: spacecraft.isp: expected a positive quantity in s, got -.inf');
    expect(await err(BASE.replace('"40 kW"', '.nan'))).toBe('examples/x.yaml: spacecraft.power: expected a positive quantity in W, got .nan');
    expect(await err(BASE.replace('"40 kW"', '{min: 1, mode: .nan, max: 3}'))).toBe('examples/x.yaml: spacecraft.power.mode: expected a positive quantity in W, got .nan');
  });

  it('errors carry the field path and the file separately (for --json)', async () => {
    const get = async (text: string) => {
      try {
        await parseScenarioText(text, 'examples/x.yaml');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an InputError');
    };
    let e = await get(BASE.replace('"3000 s"', '"-3000 s"'));
    expect([e.field, e.file]).toEqual(['spacecraft.isp', 'examples/x.yaml']);
    e = await get(BASE.replace('dryMass:', 'dryMas:'));
    expect([e.field, e.file]).toEqual(['spacecraft.dryMas', 'examples/x.yaml']);
    e = await get('');
    expect([e.field, e.file]).toEqual([undefined, 'examples/x.yaml']);
    e = await get(BASE + 'window: {maxC3: [1, 2\n');
    expect([e.field, e.file]).toEqual([undefined, 'examples/x.yaml']);
  });

  it('reports an empty file and a YAML syntax error with its line', async () => {
    expect(await err('')).toBe('examples/x.yaml: the file is empty (expected a scenario; `prospector init` writes a starter)');
    expect(await err('# only a comment\n')).toBe('examples/x.yaml: the scenario is empty (expected at least target, spacecraft and refinery)');
    expect(await err(BASE + 'window: {maxC3: [1, 2\n')).toMatch(/^examples\/x\.yaml: YAML syntax error at line \d+, column \d+: /);
    expect(await err('- a\n- b\n')).toBe('examples/x.yaml: expected a mapping of scenario fields at the top level, got a list');
  });

  it('every message is a single line', async () => {
    for (const bad of [BASE.replace('"3000 s"', '"fast"'), '{', 'target: 5\n', BASE + 'uncertainty: {samples: -1}\n']) {
      const m = await err(bad, bad === '{' ? 'c.json' : 'c.yaml');
      expect(m.includes('\n')).toBe(false);
    }
  });

  it('the starter scenario of `prospector init` is a valid scenario', async () => {
    const s = await parseScenarioText(STARTER_SCENARIO, 'scenario.yaml');
    expect(s.target.designation).toBe('1999 AO10');
    expect(s.spacecraft.power).toEqual({ kind: 'fixed', value: 45000 });
    expect(s.capsules.entryFpa).toBeCloseTo(-8.2, 12);
    expect(s.uncertainty.samples).toBe(1000);
  });

  it('rejects a non-object document given to parseScenario directly', async () => {
    await expect(parseScenario(null, 'mem')).rejects.toThrow('mem: the scenario is empty');
  });
});
