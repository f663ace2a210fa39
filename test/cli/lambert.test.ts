import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';

// DESIGN §2.2 Molniya case (μ⊕): 0-rev v1 [2.000652697, 0.387688615, −2.666947760].
const MOLNIYA = ['--r1', '22592.145603,-1599.915239,-19783.950506', '--r2', '1922.067697,4054.157051,-8925.727465'];
const REL = 1e-6;
const rel = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) / Math.hypot(b[0], b[1], b[2]);

describe('prospector lambert', () => {
  it('--json: solutions with revs, branch, v1, v2 (Molniya, "10 h", --mu earth, --max-revs 1)', async () => {
    const r = await runCli(['lambert', ...MOLNIYA, '--tof', '10 h', '--mu', 'earth', '--max-revs', '1', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.tofS).toBe(36000);
    expect(res.solutions.map((s: { revs: number; branch: string }) => `${s.revs}${s.branch}`)).toEqual(['0single', '1left', '1right']);
    expect(rel(res.solutions[0].v1, [2.000652697, 0.387688615, -2.66694776])).toBeLessThan(REL);
    expect(rel(res.solutions[2].v1, [-2.457595534, 1.169458007, 0.431612577])).toBeLessThan(REL);
  });

  it('--solver uv gives the same 0-rev answer; text output is a table', async () => {
    const r = await runCli(['lambert', ...MOLNIYA, '--tof', '36000', '--mu', '398600.4418', '--solver', 'uv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/revs\s+branch/);
    expect(r.stdout).toContain('2.000653, 0.387689, -2.666948');
  });

  it('5 h with --max-revs 1: the 0-rev arc plus a warning that no 1-rev arc exists', async () => {
    const r = await runCli(['lambert', ...MOLNIYA, '--tof', '5 h', '--mu', 'earth', '--max-revs', '1', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.solutions).toHaveLength(1);
    expect(res.warnings[0]).toMatch(/no 1-revolution solution for this time of flight \(a 1-revolution arc needs at least 2\d{4}\.?\d* s\)/);
  });

  it('warns when Earth-orbit positions meet the default solar μ', async () => {
    const r = await runCli(['lambert', ...MOLNIYA, '--tof', '10 h']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*--mu earth/);
  });

  it.each([
    [['--r1', '1,2', '--r2', '1,2,3', '--tof', '5'], /--r1: expected three comma-separated numbers/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '-5'], /--tof: expected a duration > 0 seconds/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3 kg'], /--tof: "3 kg" is not a duration; expected a number in seconds or a duration with a unit/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', '--mu', '3 kg'], /--mu: "3 kg" is not a gravitational parameter/],
    [['--r1', '1,0,0', '--r2', '2,0,0', '--tof', '3'], /--r2: r1 and r2 are collinear/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', '--mu', 'jupiter'], /--mu: expected sun, earth or/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', '--max-revs', '1.5'], /--max-revs: expected a whole number/],
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', '--solver', 'gauss'], /--solver: expected one of izzo, uv/],
    [['--r2', '0,1,0', '--tof', '3'], /--r1: required/],
    [['--r1', '0,0,0', '--r2', '0,1,0', '--tof', '3'], /--r1: the position must not be the origin/],
    // A bad value the user typed is reported before a flag they left out (issue 3's literal case).
    [['--tof', '-5'], /^prospector: --tof: expected a duration > 0 seconds, got "-5"/],
    [['--r2', '1,2', '--tof', '3'], /^prospector: --r2: expected three comma-separated numbers/],
    [['--tof', '3'], /^prospector: --r1: required \(departure position/],
    // Unquoted quantity with a unit: commander sees a stray argument; the message names the flag.
    [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', 'kg'], /^prospector: --tof: "3" is followed by a stray "kg"; quote .*--tof "3 kg"/],
    [['oops', '--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3'], /^prospector: lambert: unexpected extra argument "oops"; the command takes no arguments/],
  ])('bad input %j → exit 2, one stderr line naming the flag', async (args, msg) => {
    const r = await runCli(['lambert', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
    expect(r.stdout).toBe('');
  });

  it('a very short tof: the hyperbolic arc is solved (Izzo), or the numeric limit is said precisely', async () => {
    const r = await runCli(['lambert', '--tof', '1e-9', '--mu', '1', '--r1', '1,0,0', '--r2', '0,1,0', '--json']);
    expect(r.code).toBe(0);
    const v1 = envelope(r).result.solutions[0].v1;
    expect(v1[0] * 1e-9).toBeCloseTo(-1, 12);
    expect(v1[1] * 1e-9).toBeCloseTo(1, 12);
    // Faster than light: a warning, not silence.
    expect(envelope(r).result.warnings.join(' ')).toMatch(/× the speed of light: not a physical transfer/);
    for (const [args, why] of [
      [['--tof', '1e-170'], /the izzo solver cannot resolve it in double precision: Izzo's variable x .* overflows/],
      [['--tof', '1e-9', '--solver', 'uv'], /the uv solver cannot resolve it in double precision: the universal-variable y\(z\)/],
    ] as const) {
      const e = await runCli(['lambert', '--mu', '1', '--r1', '1,0,0', '--r2', '0,1,0', ...args]);
      expect(e.code).toBe(3);
      expect(e.stderr).toMatch(/^prospector: --tof: a hyperbolic 0-revolution arc exists \([\d.e-]+ s is [\d.e+]+ × shorter than the parabolic transfer, 0\.9767 s/);
      expect(e.stderr).toMatch(why);
      expect(e.stderr).not.toMatch(/no transfer found/);
    }
  });

  it('plausibility warnings: faster than light, inside the central body, beyond the Earth\'s Hill sphere', async () => {
    const far = await runCli(['lambert', '--r1', '1e30,0,0', '--r2', '0,1e30,0', '--tof', '1 day']);
    expect(far.code).toBe(0);
    expect(far.stderr).toMatch(/warning: the arc needs speeds up to 1\.637e\+25 km\/s, 5\.46e\+19 × the speed of light/);
    const inside = await runCli(['lambert', '--r1', '100,0,0', '--r2', '0,7000,0', '--tof', '1000', '--mu', 'earth']);
    expect(inside.stderr).toMatch(/warning: --r1 is inside the Earth \(\|r\| = 100\.000 km < radius 6378\.137 km\)/);
    const sun = await runCli(['lambert', '--r1', '5e5,0,0', '--r2', '0,1.5e8,0', '--tof', '100 day']);
    expect(sun.stderr).toMatch(/warning: --r1 is inside the Sun/);
    const hill = await runCli(['lambert', '--r1', '7000,0,0', '--r2', '0,2e6,0', '--tof', '10 day', '--mu', 'earth']);
    expect(hill.stderr).toMatch(/beyond its Hill sphere \(1\.50 million km\)/);
    // An ordinary transfer warns about none of it.
    const ok = await runCli(['lambert', ...MOLNIYA, '--tof', '10 h', '--mu', 'earth']);
    expect(ok.stderr).toBe('');
  });

  it('--json error envelope for bad input', async () => {
    const r = await runCli(['lambert', '--r1', '1,0,0', '--r2', '0,1,0', '--tof', '-5', '--json']);
    expect(r.code).toBe(2);
    expect(envelope(r).error?.code).toBe('INVALID_INPUT');
  });

  it('--json with a commander usage error: the USAGE envelope on stdout, one line on stderr, exit 2', async () => {
    for (const [args, field] of [
      [['--bogus'], '--bogus'],
      [['--r1', '1,0,0', '--r2', '0,1,0', '--tof', '3', 'kg'], '--tof'],
      [['--json', '--r1', '1,0,0', '--tof'], '--tof'], // a missing value (--json first, or it becomes the value)
    ] as const) {
      const r = await runCli(['lambert', ...args, ...(args[0] === '--json' ? [] : ['--json'])]);
      expect(r.code).toBe(2);
      const env = envelope(r);
      expect(env.schemaVersion).toBe(1);
      expect(env.error).toMatchObject({ code: 'USAGE', field });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(env.error!.message);
    }
  });
});
