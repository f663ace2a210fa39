// `prospector trip` end to end (in-process CLI, bundled catalog).
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

describe('prospector trip', () => {
  it('free search: one JSON envelope with minDv and minDuration (DESIGN §4 fields) and warnings', async () => {
    const r = await runCli(['trip', '2000 SG344', '--launch', '2028-01-01..2029-06-30', '--json']);
    expect(r.code).toBe(0);
    const e = envelope(r);
    expect(e.schemaVersion).toBe(1);
    for (const k of ['minDv', 'minDuration'] as const) {
      const t = e.result[k];
      for (const f of ['launch', 'outDays', 'stayDays', 'returnDays', 'totalDays', 'c3', 'dvDepartKmS', 'vArrNeoKmS', 'vDepNeoKmS', 'dvEntryKmS', 'entrySpeedKmS', 'dvTotalKmS']) {
        expect(typeof t[f] === 'number' || typeof t[f] === 'string', `${k}.${f}`).toBe(true);
      }
      expect(t.dvTotalKmS).toBeCloseTo(t.dvDepartKmS + t.vArrNeoKmS + t.vDepNeoKmS + t.dvEntryKmS, 9);
      // Lambert legs for the propulsion models.
      expect(t.legs.outbound.v1).toHaveLength(3);
      expect(t.legs.inbound.r2).toHaveLength(3);
    }
    expect(e.result.minDuration.totalDays).toBeLessThanOrEqual(e.result.minDv.totalDays);
    expect(Array.isArray(e.result.warnings)).toBe(true);
    expect(e.result.constraints.launchFrom).toBe('2028-01-01');
    expect(e.result.constraints.maxDays).toBe(450);
  });

  it('one given trajectory: text breakdown; CSV with units in the headers', async () => {
    const args = ['trip', '2000 SG344', '--launch', '2028-04-24', '--out-days', '113', '--stay-days', '8', '--return-days', '209'];
    const t = await runCli(args);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Δv LEO departure');
    expect(t.stdout).toContain('Δv entry cap');
    expect(t.stdout).toMatch(/total\s+330 d/);
    const c = await runCli([...args, '--csv']);
    const rows = parseCsv(c.stdout);
    expect(rows[0]).toContain('dv_total_km_s');
    expect(rows[0]).toContain('c3_km2_s2');
    expect(rows[1][0]).toBe('trajectory');
    expect(rows[1][1]).toBe('2028-04-24T00:00:00Z');
  });

  it('no feasible trip: exit 3 naming the binding constraint', async () => {
    const r = await runCli(['trip', '2000 SG344', '--launch', '2028-01-01..2028-06-30', '--max-c3', '0.01', '--json']);
    expect(r.code).toBe(3);
    const e = envelope(r);
    expect(e.error!.code).toBe('NO_SOLUTION');
    expect((e.error as any).binding).toBe('max-c3');
    expect(e.error!.message).toMatch(/no trip with C3 ≤ 0\.01 km²\/s² to 2000 SG344; the lowest C3 found was \d+\.\d on \d{4}-\d{2}-\d{2}/);
    const d = await runCli(['trip', '2000 SG344', '--launch', '2028-01-01..2028-06-30', '--max-dv', '3']);
    expect(d.code).toBe(3);
    expect(d.stderr).toMatch(/Δv ≤ 3 km\/s; the lowest found was/);
  });

  it('bad input: exit 2 with the flag named', async () => {
    for (const [args, re] of [
      [['--max-days', 'abc'], /--max-days/],
      [['--launch', '2028-02-31..2029-01-01'], /--launch/],
      [['--out-days', '100'], /--out-days, --stay-days and --return-days go together/],
      [['--launch', '2028-01-01', '--out-days', '1', '--stay-days', '8', '--return-days', '9', '--max-revs', '1.5'], /--max-revs/],
      [['--max-entry', '9'], /--max-entry/],
    ] as const) {
      const r = await runCli(['trip', '2000 SG344', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    const nf = await runCli(['trip', 'no such rock 12345']);
    expect(nf.code).toBe(2);
  });
});
