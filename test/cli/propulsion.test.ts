// `prospector propulsion`: validation figures through the CLI, exit codes, JSON shape.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AU_KM, MU_SUN_KM3S2 } from '../../src/astro/constants.js';
import { envelope, runCli } from '../helpers/cli.js';

const LEGS = ['--dv-out', '0.591', '--days-out', '129', '--dv-back', '0.521', '--days-back', '225', '--stay', '32', '--impulsive'];

describe('prospector propulsion', () => {
  it('MIMA validation case (DESIGN §2.4) to 1e-6 relative', async () => {
    const r = await runCli(['propulsion', '--dv1', '0.32,-0.345,0.043', '--dv2', '-0.51,0.175,0.087', '--tof', '150', '--tmax', '0.6', '--isp', '3000', '--json']);
    expect(r.code).toBe(0);
    const m = envelope(r).result.mima;
    expect(Math.abs(m.aReqMS2 / 1.530170621e-4 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(m.maxInitialMassKg / 4053.2366 - 1)).toBeLessThan(1e-6);
    expect(m.method).toBe('MIMA');
    expect(envelope(r).result.damon.method).toBe('Damon');
  });

  it('Edelbaum validation case (LEO→GEO, 28.5°) to 1e-6 km/s', async () => {
    const r = await runCli(['propulsion', '--edelbaum', '7000,42166', '--di', '28.5', '--central', 'earth', '--json']);
    expect(r.code).toBe(0);
    expect(Math.abs(envelope(r).result.dvKmS - 5.783775)).toBeLessThan(1e-6);
  });

  it('max cargo for 1991 VG with a Dawn-class spacecraft, text and JSON', async () => {
    const flags = [...LEGS, '--dry-mass', '747.1', '--power', '10000', '--margin', '0', '--reserve', '0', '--contingency', '0', '--propellant-capacity', '425'];
    const j = await runCli(['propulsion', ...flags, '--json']);
    expect(j.code).toBe(0);
    const res = envelope(j).result;
    expect(res.mode).toBe('max-cargo');
    expect(res.cargoKg).toBeCloseTo(1065.5, 0); // hand check in test/propulsion/nhats-sanity.test.ts
    expect(res.binding).toBe('burn-time:inbound');
    expect(res.budget.method).toBe('rocket equation');
    const t = await runCli(['propulsion', ...flags]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Max returnable cargo: 1,065\.\d kg/);
    expect(t.stdout).toMatch(/rocket equation/);
  });

  it('10 t of cargo with a 1 kW engine → exit 3, binding named, no NaN', async () => {
    const r = await runCli(['propulsion', ...LEGS, '--dry-mass', '500', '--power', '1 kW', '--cargo', '10000', '--json']);
    expect(r.code).toBe(3);
    const e = envelope(r);
    expect(e.error?.code).toBe('NO_SOLUTION');
    expect((e.error as { binding?: string }).binding).toMatch(/^burn-time:/);
    expect(r.stdout + r.stderr).not.toMatch(/NaN/);
    const t = await runCli(['propulsion', ...LEGS, '--dry-mass', '500', '--power', '1 kW', '--cargo', '10000']);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/infeasible: burn time/);
  });

  it('sizing a spacecraft for a cargo', async () => {
    const r = await runCli(['propulsion', '--dv-out', '1', '--days-out', '200', '--dv-back', '1', '--days-back', '300', '--cargo', '5000', '--size', '--bus-mass', '800', '--thruster', 'spt-140', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.mode).toBe('size');
    expect(res.budget.feasible).toBe(true);
    expect(res.powerAt1AuW).toBeGreaterThan(0);
  });

  it('bad input → exit 2 naming the flag', async () => {
    const bad = [
      [['propulsion', ...LEGS, '--dry-mass', '500', '--duty', '1.5'], '--duty'],
      [['propulsion', ...LEGS], '--dry-mass'],
      [['propulsion', ...LEGS, '--dry-mass', '500', '--thruster', 'warp'], '--thruster'],
      [['propulsion', '--dv-out', '1,2', '--days-out', '100', '--dry-mass', '500'], '--days-out'],
      [['propulsion', ...LEGS, '--dry-mass', '500', '--power', '3 kg'], '--power'],
    ] as const;
    for (const [argv, flag] of bad) {
      const r = await runCli([...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(flag);
    }
  });

  it('lists the thruster presets with sources', async () => {
    const r = await runCli(['propulsion', '--list-thrusters', '--json']);
    expect(r.code).toBe(0);
    const list = envelope(r).result.thrusters;
    expect(list.find((t: { id: string }) => t.id === 'nstar').efficiency).toBeCloseTo(0.608, 3);
  });

  it('--trip budgets a saved `trip --json` trajectory (Damon legs, MIMA checks)', async () => {
    const vc = Math.sqrt(MU_SUN_KM3S2 / AU_KM);
    const leg = (tofDays: number, vInfDep: number[], vInfArr: number[]) => ({ tofDays, r1: [AU_KM, 0, 0], v1: [0, vc, 0], vInfDep, vInfArr });
    const minDv = {
      outDays: 150, stayDays: 60, returnDays: 200, c3: 4, dvDepartKmS: 3.4,
      vArrNeoKmS: Math.hypot(0.3, 0.2, 0.1), vDepNeoKmS: Math.hypot(0.25, -0.1, 0), dvEntryKmS: 0,
      legs: { outbound: leg(150, [1, 1, 0], [0.3, 0.2, 0.1]), inbound: leg(200, [0.25, -0.1, 0], [2, 0, 0]) },
    };
    const dir = mkdtempSync(join(tmpdir(), 'prospector-prop-'));
    const file = join(dir, 'trip.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, result: { minDv, minDuration: minDv } }));
    const r = await runCli(['propulsion', '--trip', file, '--dry-mass', '900', '--thrusters', '2', '--power', '5000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = envelope(r).result;
    expect(res.legs.map((l: { lowThrustMethod: string }) => l.lowThrustMethod)).toEqual(['Damon', 'Damon']);
    expect(res.cargoKg).toBeGreaterThan(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion":1,"result":{}}');
    const b = await runCli(['propulsion', '--trip', bad, '--dry-mass', '900']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--trip/);
  });

  it('user-defined thrusters: --thruster custom from flags and --thruster-file give the same spacecraft', async () => {
    const legs = ['--dv-out', '1', '--days-out', '200', '--dv-back', '1', '--days-back', '300', '--dry-mass', '600', '--thrusters', '4', '--json'];
    const a = await runCli(['propulsion', ...legs, '--thruster', 'custom', '--thruster-max-power', '1.35 kW', '--isp', '1600', '--thrust', '0.083']);
    expect(a.code, a.stderr).toBe(0);
    const ta = envelope(a).result.spacecraft.thruster;
    expect(ta.maxInputPowerW).toBe(1350);
    expect(ta.minInputPowerW).toBeCloseTo(270, 9); // 20 % default
    expect(ta.efficiency).toBeCloseTo((0.083 * 9.80665 * 1600) / (2 * 1350), 12);
    const dir = mkdtempSync(join(tmpdir(), 'prospector-thr-'));
    const file = join(dir, 'thr.json');
    writeFileSync(file, JSON.stringify({ name: 'test Hall', type: 'hall', maxInputPowerW: 1350, minInputPowerW: 400, ispS: 1600, thrustN: 0.083, source: 'test figures' }));
    const b = await runCli(['propulsion', ...legs, '--thruster-file', file]);
    expect(b.code, b.stderr).toBe(0);
    const rb = envelope(b).result;
    expect(rb.spacecraft.thruster.minInputPowerW).toBe(400);
    expect(rb.spacecraft.thruster.source).toBe('test figures');
    expect(rb.cargoKg).toBeCloseTo(envelope(a).result.cargoKg, 6); // min power does not matter at 1 AU
    // Flags override the file: a lower Isp at the same thrust and power means less efficiency.
    const c = await runCli(['propulsion', ...legs, '--thruster-file', file, '--isp', '1400']);
    expect(c.code, c.stderr).toBe(0);
    expect(envelope(c).result.spacecraft.thruster.ispS).toBe(1400);
    // Text output prints the thruster's source.
    const t = await runCli(['propulsion', ...legs.slice(0, -1), '--thruster-file', file]);
    expect(t.stdout).toMatch(/thruster source\s+test figures/);
  });

  it('user-defined thrusters: bad files and flags exit 2 naming the file field or the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-thr-'));
    const legs = ['--dv-out', '1', '--days-out', '200', '--dv-back', '1', '--days-back', '300', '--dry-mass', '600'];
    const cases: Array<[unknown, RegExp]> = [
      [{ maxInputPowerW: -1, ispS: 2000, efficiency: 0.5 }, /thr\.json: maxInputPowerW: .*-1/],
      [{ maxInputPowerW: 1000, ispS: 2000, eff: 0.5 }, /thr\.json: unknown field "eff"/],
      [{ maxInputPowerW: 1000, ispS: 2000 }, /thr\.json: efficiency or thrustN/],
      [{ maxInputPowerW: 1000, minInputPowerW: 2000, ispS: 2000, efficiency: 0.5 }, /thr\.json: minInputPowerW: expected a number ≤ 1000/],
      [{ maxInputPowerW: 1000, ispS: 2000, efficiency: 0.5, thrustN: 1 }, /thr\.json: .*implies efficiency/],
      [[1, 2], /thr\.json: expected one JSON object/],
    ];
    for (const [doc, re] of cases) {
      const file = join(dir, 'thr.json');
      writeFileSync(file, JSON.stringify(doc));
      const r = await runCli(['propulsion', ...legs, '--thruster-file', file]);
      expect(r.code, JSON.stringify(doc)).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const flagCases: Array<[string[], RegExp]> = [
      [['--thruster', 'custom', '--isp', '1600', '--thrust', '0.08'], /^prospector: --thruster-max-power: required with --thruster custom/],
      [['--thruster', 'custom', '--thruster-max-power', '1000', '--isp', '1600'], /--efficiency: --thruster custom needs --efficiency or --thrust/],
      [['--thruster', 'nstar', '--thruster-max-power', '300'], /--thruster-max-power: 300 W is below the nstar preset's minimum input power \(500 W\)/],
      [['--thruster', 'custom', '--thruster-max-power', '1000', '--thruster-min-power', '2000', '--isp', '1600', '--thrust', '0.05'], /--thruster-min-power: expected a number ≤ 1000/],
      [['--thruster-file', join(dir, 'missing.json')], /--thruster-file: cannot read .*no such file/],
      [['--thruster-file', join(dir, 'thr.json'), '--thruster', 'nstar'], /--thruster-file: give either --thruster or --thruster-file/],
      [['--thruster', 'warp'], /--thruster: unknown thruster preset "warp".*custom/],
    ];
    for (const [flags, re] of flagCases) {
      const r = await runCli(['propulsion', ...legs, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });

  it('messages: MIMA shortfall on one thrust basis; the power cut-off reads as a sentence', async () => {
    const vc = Math.sqrt(MU_SUN_KM3S2 / AU_KM);
    const leg = (tofDays: number, vInfDep: number[], vInfArr: number[]) => ({ tofDays, r1: [AU_KM, 0, 0], v1: [0, vc, 0], vInfDep, vInfArr });
    const minDv = {
      outDays: 100, stayDays: 10, returnDays: 100, vArrNeoKmS: 2, vDepNeoKmS: 0.5, dvEntryKmS: 0,
      legs: { outbound: leg(100, [1, 1, 0], [2, 0, 0]), inbound: leg(100, [0.5, 0, 0], [1, 0, 0]) },
    };
    const dir = mkdtempSync(join(tmpdir(), 'prospector-prop-'));
    const file = join(dir, 'trip.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, result: { minDv } }));
    const r = await runCli(['propulsion', '--trip', file, '--dry-mass', '1000', '--duty', '0.5']);
    expect(r.code).toBe(3);
    // Full thrust of one NSTAR is 92.0 mN; the duty-cycled 46.0 mN must not appear next to it.
    expect(r.stderr).toMatch(/MIMA maximum for 92\.0 mN full thrust fired 50 % of 100\.0 d/);
    expect(r.stderr).toMatch(/needs [\d.]+ mN of full thrust, has 92\.0 mN: short by [\d.]+ mN/);
    expect(r.stderr).not.toMatch(/46\.0 mN/);
    const m = /needs ([\d.]+) mN of full thrust, has 92\.0 mN: short by ([\d.]+) mN/.exec(r.stderr)!;
    expect(Number(m[1]) - 92).toBeCloseTo(Number(m[2]), 1);

    const c = await runCli(['propulsion', '--dv-out', '1', '--days-out', '200', '--dv-back', '1', '--days-back', '300', '--r-out', '1..4', '--dry-mass', '747', '--power', '2 kW']);
    expect(c.code).toBe(3);
    // One sentence: the leg, the distance, what the arrays give, what a string needs, the two fixes.
    expect(c.stderr).toMatch(
      /the thrusters cannot run on "outbound": at 4\.000 AU the arrays give 125 W, less than the 500 W one nstar string needs to run; give at least 8\.00 kW of array power at 1 AU, or a thruster whose minimum input power is below 125 W\n/,
    );
    expect(c.stderr).not.toMatch(/minimum is/);
  });

  it('every example in --help runs as printed (exit 0, or 3 where it is labelled INFEASIBLE)', async () => {
    const help = await runCli(['propulsion', '--help']);
    const text = help.stdout.slice(help.stdout.indexOf('Examples'));
    const examples: Array<{ cmd: string; note: string }> = [];
    let cur: { cmd: string; note: string } | null = null;
    let continued = false;
    for (const raw of text.split('\n').slice(1)) {
      const line = raw.trim();
      if (line.startsWith('$ ')) {
        cur = { cmd: '', note: '' };
        examples.push(cur);
        continued = true;
      }
      if (!cur || !line) continue;
      if (line.startsWith('#')) {
        cur.note += line;
        continue;
      }
      if (!continued) continue;
      const [code, ...note] = line.replace(/^\$ /, '').split(/\s#\s/);
      cur.note += note.join(' ');
      continued = code.trimEnd().endsWith('\\');
      cur.cmd += ' ' + code.replace(/\\\s*$/, '');
    }
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const dir = mkdtempSync(join(tmpdir(), 'prospector-help-'));
    mkdirSync(join(dir, 'examples', 'thrusters'), { recursive: true });
    copyFileSync(fileURLToPath(new URL('../../examples/thrusters/spt-100.json', import.meta.url)), join(dir, 'examples', 'thrusters', 'spt-100.json'));
    let infeasible = 0;
    for (const ex of examples) {
      const words = [...ex.cmd.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
      expect(words[0]).toBe('prospector');
      const redirect = words.indexOf('>');
      const out = redirect >= 0 ? words[redirect + 1] : null;
      const argv = words.slice(1, redirect >= 0 ? redirect : undefined);
      const r = await runCli(argv, { cwd: dir });
      const want = /INFEASIBLE \(exit 3\)/.test(ex.note) ? 3 : 0;
      if (want === 3) infeasible++;
      expect(r.code, `${ex.cmd}\n${r.stderr}`).toBe(want);
      if (out) writeFileSync(join(dir, out), r.stdout);
    }
    expect(infeasible).toBe(1);
    expect(readFileSync(join(dir, 't.json'), 'utf8')).toMatch(/"schemaVersion":\s*1/);
  });
});
