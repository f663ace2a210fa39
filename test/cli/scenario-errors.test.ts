// A scenario with several problems: one line naming the first (as always), the others on the lines
// below it, and every one of them in the --json error envelope (`error.problems`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';

const BAD = {
  target: { designation: '1997 XR2' },
  spacecraft: { dryMass: -5, power: '60 kW', isp: 'abc' },
  refinery: { route: 'melt-metl', products: ['Pt', 'Xx'], concentratorDiameter: 10, recovery: { min: 0.9, mode: 0.8, max: 0.6 } },
};

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-errors-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('scenario errors on the command line', () => {
  it('text: the one-line message first, then each further problem on its own indented line; exit 2', async () => {
    const dir = write('bad.json', JSON.stringify(BAD));
    const r = await runCli(['plan', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('prospector: bad.json: spacecraft.dryMass: expected a positive quantity in kg, got -5 (and 4 more problems)');
    expect(lines.slice(1)).toEqual([
      '  also spacecraft.isp: expected a positive quantity in s, got "abc"',
      expect.stringMatching(/^ {2}also refinery\.route: expected one of .*got "melt-metl" \(did you mean "melt-metal"\?\)$/),
      expect.stringMatching(/^ {2}also refinery\.products\[1\]: expected one of .*got "Xx"$/),
      '  also refinery.recovery: expected min ≤ mode ≤ max, got 0.9, 0.8, 0.6',
    ]);
  });

  it('--json: exactly one envelope whose error lists every problem; stderr keeps the single line', async () => {
    const dir = write('bad.json', JSON.stringify(BAD));
    const r = await runCli(['plan', 'bad.json', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const env = envelope(r) as unknown as { error: { code: string; message: string; field: string; file: string; problems: Array<{ field: string; message: string }> } };
    expect(env.error.code).toBe('INVALID_INPUT');
    expect(env.error.field).toBe('spacecraft.dryMass');
    expect(env.error.problems.map((p) => p.field)).toEqual(['spacecraft.dryMass', 'spacecraft.isp', 'refinery.route', 'refinery.products[1]', 'refinery.recovery']);
    expect(env.error.problems[0].message).toBe('expected a positive quantity in kg, got -5');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('many problems: at most 8 further lines, then a pointer to --json', async () => {
    const window = Object.fromEntries(['maxTotalDays', 'minStayDays', 'maxC3', 'maxEntrySpeed', 'maxDv', 'stepDays'].map((k) => [k, -1]));
    const dir = write('worse.json', JSON.stringify({ ...BAD, window }));
    const r = await runCli(['plan', 'worse.json'], { cwd: dir });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/\(and 10 more problems\)$/);
    expect(lines.filter((l) => l.startsWith('  also '))).toHaveLength(8);
    expect(lines[lines.length - 1]).toBe('  … and 2 more (--json lists every problem under error.problems)');
    const json = envelope(await runCli(['plan', 'worse.json', '--json'], { cwd: dir })) as unknown as { error: { problems: unknown[] } };
    expect(json.error.problems).toHaveLength(11);
  });

  it('misspelt presets are reported with the other problems, not after them are fixed', async () => {
    const doc = { ...BAD, spacecraft: { ...BAD.spacecraft, thrusterPreset: 'nstar2' }, capsules: { preset: 'hayabusa3' } };
    const dir = write('presets.json', JSON.stringify(doc));
    const json = envelope(await runCli(['plan', 'presets.json', '--json'], { cwd: dir })) as unknown as { error: { problems: Array<{ field: string; message: string }> } };
    const byField = Object.fromEntries(json.error.problems.map((p) => [p.field, p.message]));
    expect(byField['spacecraft.thrusterPreset']).toBe('unknown thruster preset "nstar2" (did you mean "nstar"?) (known: nstar, next-c, spt-140)');
    expect(byField['capsules.preset']).toMatch(/^unknown capsule preset "hayabusa3" \(did you mean "hayabusa"\?\) \(known: stardust, hayabusa, /);
    expect(byField['spacecraft.dryMass']).toBeDefined();
  });

  it('a single problem stays a single line', async () => {
    const dir = write('one.yaml', 'target: {designation: "1997 XR2"}\nspacecraft: {dryMass: 3000, power: "60 kW"}\nrefinery: {concentratorDiameter: 20, route: melt-metal, products: [Pt], recovery: {p10: 0.5, p50: 0.6}}\n');
    const r = await runCli(['plan', 'one.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: one.yaml: refinery.recovery: incomplete distribution: "p90" is missing (expected {p10, p50, p90})\n');
  });
});
