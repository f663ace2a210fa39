// Default launch windows start today (the injected date, never the engine's clock), not in the
// past; explicit windows are kept but warned about when they start before today.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import type { Plan } from '../../src/scenario/plan-types.js';

const ROOT = join(import.meta.dirname, '../..');
const TODAY = { PROSPECTOR_TODAY: '2026-12-05' };

describe('default launch window', { timeout: 60_000 }, () => {
  it('trip: from today to 2045-12-31, recorded in --json and said in the text; the best trip launches after today', async () => {
    const j = await runCli(['trip', '2000 SG344', '--step', '16', '--json'], { env: TODAY });
    expect(j.code, j.stderr).toBe(0);
    const r = envelope(j).result;
    expect(r.constraints).toMatchObject({ launchFrom: '2026-12-05', launchTo: '2045-12-31', launchWindow: 'default' });
    expect(r.minDv.launch >= '2026-12-05').toBe(true);
    expect(r.minDuration.launch >= '2026-12-05').toBe(true);
    expect(r.warnings.join('\n')).not.toContain('before today');
    const t = await runCli(['trip', '2000 SG344', '--step', '16'], { env: TODAY });
    expect(t.stdout).toContain('launch window 2026-12-05..2045-12-31 (the default: today to 2045-12-31; --launch FROM..TO to change)');
    expect(t.stderr).not.toContain('before today');
  });

  it('"today" comes from the CLI context (ctx.now) unless PROSPECTOR_TODAY says otherwise; before 2025 the window starts 2025-01-01', async () => {
    const at = (now: string, env: Record<string, string> = {}) =>
      runCli(['trip', '2000 SG344', '--step', '32', '--json'], { now: new Date(now), env }).then((x) => {
        expect(x.code, x.stderr).toBe(0);
        return envelope(x).result.constraints.launchFrom as string;
      });
    // The UTC date: 23:30 on 3 March in UTC is 3 March wherever the machine is.
    expect(await at('2031-03-03T23:30:00Z')).toBe('2031-03-03');
    expect(await at('2031-03-03T23:30:00Z', { PROSPECTOR_TODAY: '2029-07-01' })).toBe('2029-07-01');
    expect(await at('2024-06-01T00:00:00Z')).toBe('2025-01-01');
    const t = await runCli(['trip', '2000 SG344', '--step', '32'], { env: { PROSPECTOR_TODAY: '2024-06-01' } });
    expect(t.stdout).toContain('launch window 2025-01-01..2045-12-31 (the default: 2025-01-01 to 2045-12-31;');
  });

  it('a bad PROSPECTOR_TODAY, or a default window that is over: exit 2, one line', async () => {
    for (const bad of ['tomorrow', '2026-02-30', '2026-1-5']) {
      const r = await runCli(['trip', '2000 SG344'], { env: { PROSPECTOR_TODAY: bad } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`prospector: PROSPECTOR_TODAY: expected a date YYYY-MM-DD such as 2026-12-05, got "${bad}"\n`);
    }
    const j = await runCli(['screen', '--limit', '1', '--json'], { env: { PROSPECTOR_TODAY: 'x' } });
    expect(envelope(j).error).toMatchObject({ code: 'INVALID_INPUT', field: 'PROSPECTOR_TODAY' });
    const over = await runCli(['trip', '2000 SG344'], { env: { PROSPECTOR_TODAY: '2046-01-01' } });
    expect(over.code).toBe(2);
    expect(over.stderr).toBe('prospector: --launch: the default launch window ended on 2045-12-31 (today is 2046-01-01); give a window FROM..TO\n');
  });

  it('explicit windows are kept as given, with a "launch dates before today" warning when they start in the past', async () => {
    const j = await runCli(['trip', '2000 SG344', '--launch', '2025-01-01..2028-12-31', '--step', '16', '--json'], { env: TODAY });
    expect(j.code, j.stderr).toBe(0);
    const r = envelope(j).result;
    expect(r.constraints).toMatchObject({ launchFrom: '2025-01-01', launchTo: '2028-12-31', launchWindow: 'given' });
    expect(r.warnings[0]).toBe('--launch 2025-01-01..2028-12-31 includes launch dates before today (2026-12-05); trips launching before 2026-12-05 can no longer be flown');
    const t = await runCli(['trip', '2000 SG344', '--launch', '2025-01-01..2028-12-31', '--step', '16'], { env: TODAY });
    expect(t.stderr).toContain('warning: --launch 2025-01-01..2028-12-31 includes launch dates before today (2026-12-05)');
    expect(t.stdout).toContain('launch window 2025-01-01..2028-12-31\n');
    // Entirely in the past.
    const old = await runCli(['trip', '2000 SG344', '--launch', '2020-01-01..2021-01-01', '--step', '16', '--max-dv', '20', '--json'], { env: TODAY });
    const oldWarnings = old.code === 0 ? envelope(old).result.warnings : (envelope(old).error as unknown as { warnings: string[] }).warnings;
    expect(oldWarnings[0]).toBe('--launch 2020-01-01..2021-01-01: only launch dates before today (2026-12-05); no trip found there can still be flown');
    // A window that starts today is not in the past.
    const now = await runCli(['trip', '2000 SG344', '--launch', '2026-12-05..2029-01-01', '--step', '16', '--json'], { env: TODAY });
    expect(envelope(now).result.warnings.join('\n')).not.toContain('before today');
    // One given trajectory launching in the past is warned about too, and the warning survives exit 3.
    const fixed = await runCli(['trip', '2000 SG344', '--launch', '2026-01-12', '--out-days', '100', '--stay-days', '8', '--return-days', '100', '--max-dv', '0.5', '--json'], { env: TODAY });
    expect(fixed.code).toBe(3);
    expect((envelope(fixed).error as unknown as { warnings: string[] }).warnings[0]).toBe('--launch 2026-01-12: only launch dates before today (2026-12-05); no trip found there can still be flown');
    // porkchop has no default window; a past one is warned about the same way.
    const p = await runCli(['porkchop', '2000 SG344', '--launch', '2026-06-01..2027-06-01', '--tof', '100..300', '--step', '20', '--json'], { env: TODAY });
    expect(p.code, p.stderr).toBe(0);
    expect(envelope(p).result.warnings[0]).toBe('--launch 2026-06-01..2027-06-01 includes launch dates before today (2026-12-05); trips launching before 2026-12-05 can no longer be flown');
  });

  it('--help says where the default window starts', async () => {
    for (const c of ['trip', 'screen']) {
      const h = await runCli([c, '--help']);
      expect(h.stdout.replace(/\s+/g, ' ')).toContain('default: from today — or 2025-01-01 if later — to 2045-12-31');
    }
  });
});

describe('screen shards and the default window', { timeout: 120_000 }, () => {
  const BASE = ['screen', '--limit', '2', '--workers', '0', '--step', '32'];

  it('the window is recorded; shards run on different days do not merge; --shard without --launch warns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-window-'));
    const a = await runCli([...BASE, '--shard', '1/2', '--out', join(dir, 'a.json'), '--json'], { env: TODAY });
    expect(a.code, a.stderr).toBe(0);
    expect(envelope(a).result.settings).toMatchObject({ launchFrom: '2026-12-05', launchTo: '2045-12-31' });
    expect(a.stderr).toBe(
      'warning: --shard without --launch: the default launch window starts today (2026-12-05); shards run on another day screen another window and will not merge. Give every shard the same window: --launch 2026-12-05..2045-12-31\n',
    );
    // Shard 2 runs the next day: another window.
    const b = await runCli([...BASE, '--shard', '2/2', '--out', join(dir, 'b.json'), '--json'], { env: { PROSPECTOR_TODAY: '2026-12-06' } });
    expect(b.code, b.stderr).toBe(0);
    const m = await runCli(['merge', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe(
      `prospector: ${join(dir, 'b.json')}: screened the launch window 2026-12-06..2045-12-31 but ${join(dir, 'a.json')} screened 2026-12-05..2045-12-31; shards merge only when they screened the same window (the default window starts on the day a shard runs: give every shard the same --launch FROM..TO)\n`,
    );
    // The fix the warning gives: the same explicit window, whatever the day each shard runs.
    const c = await runCli([...BASE, '--shard', '2/2', '--launch', '2026-12-05..2045-12-31', '--out', join(dir, 'c.json'), '--json'], { env: { PROSPECTOR_TODAY: '2026-12-06' } });
    expect(c.code, c.stderr).toBe(0);
    // Run a day later, the window starts before that day: kept, and said.
    expect(c.stderr).toContain('warning: --launch 2026-12-05..2045-12-31 includes launch dates before today (2026-12-06)');
    const merged = await runCli(['merge', join(dir, 'a.json'), join(dir, 'c.json'), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(envelope(merged).result.settings).toMatchObject({ launchFrom: '2026-12-05', launchTo: '2045-12-31' });
  });
});

describe('scenario launch window', { timeout: 60_000 }, () => {
  const ex = readFileSync(join(ROOT, 'examples/rare-earth-stype.yaml'), 'utf8');

  it('a scenario without window.launch plans from today to 2045-12-31 and records it; the report says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-scwin-'));
    const noWindow = ex.replace(/^  launch: .*\n/m, '');
    expect(noWindow).not.toBe(ex);
    writeFileSync(join(dir, 'a.yaml'), noWindow);
    const j = await runCli(['plan', 'a.yaml', '--samples', '0', '--json'], { cwd: dir, env: TODAY });
    expect(j.code, j.stderr).toBe(0);
    const p = envelope<Plan>(j).result;
    expect(p.scenario.launchWindow).toEqual({ from: '2026-12-05', to: '2045-12-31', basis: 'default' });
    if (p.trajectory.modelled) expect(p.trajectory.launch >= '2026-12-05').toBe(true);
    expect(p.warnings.join('\n')).not.toContain('before today');
    const t = await runCli(['plan', 'a.yaml', '--samples', '0'], { cwd: dir, env: TODAY });
    expect(t.stdout).toMatch(/window +2026-12-05\.\.2045-12-31 \(default: from today to 2045-12-31\)/);
    // The scenario's own window is kept and recorded as such.
    const own = await runCli(['plan', join(ROOT, 'examples/rare-earth-stype.yaml'), '--samples', '0', '--json'], { env: TODAY });
    expect(envelope<Plan>(own).result.scenario.launchWindow).toEqual({ from: '2030-01-01', to: '2038-12-31', basis: 'scenario' });
  });

  it('a scenario window that starts before today is kept, with a warning in the plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-scwin-'));
    writeFileSync(join(dir, 'past.yaml'), ex.replace(/^  launch: .*\n/m, '  launch: 2025-06-01..2030-12-31\n'));
    const j = await runCli(['plan', 'past.yaml', '--samples', '0', '--json'], { cwd: dir, env: TODAY });
    expect(j.code, j.stderr).toBe(0);
    const p = envelope<Plan>(j).result;
    expect(p.scenario.launchWindow).toEqual({ from: '2025-06-01', to: '2030-12-31', basis: 'scenario' });
    expect(p.warnings).toContain('window.launch 2025-06-01..2030-12-31 includes launch dates before today (2026-12-05); trips launching before 2026-12-05 can no longer be flown');
  });
});
