// Ctrl+C on the single-target searches (trip, porkchop): the best result so far goes to stdout,
// marked partial (text) or as the rows found (CSV), exit 130, and --json keeps `error.partial`.
// On a terminal a progress line is drawn on stderr (never with --json). The runs are stopped from
// the progress they report, so the tests do not depend on how fast the machine is.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { CliContext } from '../../cli/context.js';
import { envelope, runCli, TEST_NOW } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

class Capture extends Writable {
  data = '';
  columns = 120;
  constructor(public isTTY: boolean, private onData?: (all: string) => void) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
    this.data += chunk.toString();
    this.onData?.(this.data);
    cb();
  }
}

/**
 * Runs the CLI with stderr as a terminal and aborts (as Ctrl+C does) once `stopWhen` matches what
 * stderr shows; without `stopWhen` it runs to the end.
 */
async function runOnTerminal(argv: string[], stopWhen?: (stderr: string) => boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const ac = new AbortController();
  const stdout = new Capture(false);
  const stderr = new Capture(true, (all) => {
    if (stopWhen && !ac.signal.aborted && stopWhen(all)) ac.abort();
  });
  const ctx: CliContext = { stdout, stderr, stdinIsTTY: false, env: {}, cwd: process.cwd(), color: false, colorErr: false, signal: ac.signal, now: TEST_NOW };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.data, stderr: stderr.data };
}

/** The last progress frame drawn so far ("… 120/6967 …" → [120, 6967]) for the phase named. */
function lastFrame(stderr: string, phase: string): [number, number] | null {
  const frames = stderr.split('\r').filter((f) => f.includes(phase));
  const m = /(\d+)\/(\d+) \(/.exec(frames[frames.length - 1] ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// A search long enough to stop in its middle (≈ 10 s on this machine if left to run).
const TRIP = ['trip', 'Bennu', '--launch', '2027-01-01..2045-12-31', '--step', '1', '--max-revs', '2'];
/** Stop a third of the way through combining round trips (the outbound legs are done by then). */
const inCombine = (e: string) => {
  const f = lastFrame(e, 'round trips');
  return f !== null && f[0] >= f[1] / 3;
};

describe('trip: progress and Ctrl+C', () => {
  it('text: a progress line on a terminal, then the best trips so far on stdout marked PARTIAL, exit 130', async () => {
    const r = await runOnTerminal(TRIP, inCombine);
    expect(r.code).toBe(130);
    // Progress: redrawn frames with a bar and counts, for both phases, erased at the end.
    expect(r.stderr).toMatch(/\rtrip \[#*\.*\] outbound legs, launch dates \d+\/\d+ \(\d+%\)  ETA /);
    expect(r.stderr).toMatch(/\rtrip \[#*\.*\] round trips, launch dates \d+\/\d+ \(\d+%\)/);
    expect(r.stderr).toContain('\r\x1b[K');
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^prospector: interrupted after combining launches up to \d{4}-\d\d-\d\d/);
    // stdout: the partial result, said to be partial.
    expect(r.stdout).toMatch(/^\(101955\) Bennu — ballistic round trip/);
    expect(r.stdout).toMatch(/PARTIAL: interrupted after combining \d+ of \d+ launch dates \(up to \d{4}-\d\d-\d\d\); best over the launch dates searched so far/);
    expect(r.stdout).toMatch(/Minimum Δv \(so far\)\n\s+launch\s+\d{4}-\d\d-\d\d/);
    expect(r.stdout).toMatch(/Δv total\s+[\d.]+ km\/s/);
  });

  it('CSV: the rows found so far (same header as a full run), exit 130', async () => {
    const r = await runOnTerminal([...TRIP, '--csv'], inCombine);
    expect(r.code).toBe(130);
    const rows = parseCsv(r.stdout);
    expect(rows[0].slice(0, 3)).toEqual(['solution', 'launch', 'out_days']);
    expect(rows.slice(1).map((x) => x[0])).toContain('min_dv');
    expect(Number(rows[1][rows[0].indexOf('dv_total_km_s')])).toBeGreaterThan(0);
  });

  it('--json: no progress drawn, one CANCELLED envelope with error.partial, nothing else on stdout', async () => {
    const ac = new AbortController();
    const stdout = new Capture(false);
    const stderr = new Capture(true);
    const ctx: CliContext = { stdout, stderr, stdinIsTTY: false, env: {}, cwd: process.cwd(), color: false, colorErr: false, signal: ac.signal, now: TEST_NOW };
    const run = main([...TRIP, '--json'], ctx);
    setTimeout(() => ac.abort(), 300);
    expect(await run).toBe(130);
    expect(stderr.data).not.toContain('\r');
    const doc = JSON.parse(stdout.data);
    expect(doc.error.code).toBe('CANCELLED');
    expect(doc.error.partial).toHaveProperty('phase');
  });

  it('a run that finishes erases its progress line and prints the normal result', async () => {
    const r = await runOnTerminal(['trip', '1991 VG', '--launch', '2038-01-01..2039-12-31', '--step', '8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Minimum Δv\n/);
    expect(r.stdout).not.toMatch(/PARTIAL/);
    expect(r.stderr).toMatch(/\rtrip \[/);
    // The last frame is erased before anything else is written.
    expect(r.stderr.slice(r.stderr.lastIndexOf('\r'))).toMatch(/^\r\x1b\[K/);
  });
});

describe('porkchop: progress and Ctrl+C', () => {
  const PORK = ['porkchop', '2000 SG344', '--launch', '2025-01-01..2034-12-31', '--tof', '30..400', '--step', '1'];
  const midway = (e: string) => {
    const f = lastFrame(e, 'launch dates');
    return f !== null && f[0] >= f[1] / 4;
  };

  it('text: progress on a terminal, then the best cell so far on stdout marked PARTIAL, exit 130', async () => {
    const r = await runOnTerminal(PORK, midway);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/\rporkchop \[#*\.*\] launch dates \d+\/3652 \(\d+%\)/);
    expect(r.stdout).toMatch(/PARTIAL: interrupted after \d+ of 3652 launch dates \(up to \d{4}-\d\d-\d\d\)/);
    expect(r.stdout).toMatch(/Minimum so far\n\s+launch\s+\d{4}-\d\d-\d\d\s+\(grid, not refined\)/);
    expect(r.stdout).toMatch(/Δv total\s+[\d.]+ km\/s/);
  });

});

/**
 * An AbortSignal that reads as aborted from its `n`-th read on. The porkchop engine reads `aborted`
 * before each chunk of launch dates and after it (src/trajectory/cooperative.ts,
 * porkchop.ts `porkchopSteps`) and nothing else in the run reads it, so n = 2 stops the run
 * after exactly its first chunk, however fast the machine is.
 */
function abortAfterReads(n: number): AbortSignal {
  let reads = 0;
  const s = {
    get aborted() {
      reads += 1;
      return reads >= n;
    },
    reason: undefined,
    onabort: null,
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
    throwIfAborted() {},
  };
  return s as unknown as AbortSignal;
}

async function runStopped(argv: string[], reads = 2): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture(false);
  const stderr = new Capture(false);
  const ctx: CliContext = { stdout, stderr, stdinIsTTY: false, env: {}, cwd: process.cwd(), color: false, colorErr: false, signal: abortAfterReads(reads), now: TEST_NOW };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.data, stderr: stderr.data };
}

describe('porkchop: Ctrl+C keeps every cell computed (--csv, --json)', () => {
  // 2025-01-01..2034-12-31 is 3651 days: floor(3651/2) + 1 = 1826 launch dates; 30..100 d by 2 d is
  // 36 flight times. Stopped after the first chunk of launch dates.
  const window = (to: string) => ['--launch', `2025-01-01..${to}`, '--tof', '30..100', '--step', '2'];
  const SMALL = ['porkchop', '2000 SG344', ...window('2034-12-31')];
  const STOP = /interrupted after (\d+) of 1826 launch dates \(up to (\d{4}-\d\d-\d\d)\); best so far: Δv ([\d.]+) km\/s/;

  it.each([['out'], ['back']])('CSV (--direction %s): every cell of the launch dates done, the same bytes as a full run over just those dates, exit 130', async (direction) => {
    const r = await runStopped([...SMALL, '--direction', direction, '--csv']);
    expect(r.code).toBe(130);
    const m = STOP.exec(r.stderr)!;
    expect(m).not.toBeNull();
    const done = Number(m[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(1826);
    // A full run whose window ends at the last launch date computed has the same lattice, hence
    // the same cells: the partial CSV is that run's CSV, byte for byte.
    const full = await runCli(['porkchop', '2000 SG344', ...window(m[2]), '--direction', direction, '--csv']);
    expect(full.code).toBe(0);
    expect(r.stdout).toBe(full.stdout);
    const rows = parseCsv(r.stdout);
    const head = rows[0];
    expect(head[0]).toBe('launch');
    expect(rows.length - 1).toBeGreaterThan(done); // many flight times per launch date
    expect(rows.length - 1).toBeLessThanOrEqual(done * 36);
    const launches = new Set(rows.slice(1).map((x) => x[0].slice(0, 10)));
    expect(launches.size).toBeLessThanOrEqual(done);
    expect([...launches].sort().pop()! <= m[2]).toBe(true);
    // The best row is the one the message names.
    const dvCol = head.indexOf('dv_total_km_s');
    const best = rows.slice(1).reduce((b, x) => (Number(x[dvCol]) < Number(b[dvCol]) ? x : b));
    expect(Number(best[dvCol])).toBeCloseTo(Number(m[3]), 3);
    if (direction === 'out') {
      // LEO departure + arrival v∞ = total for an "out" cell.
      expect(Number(best[head.indexOf('dv_leo_km_s')]) + Number(best[head.indexOf('v_inf_arr_km_s')])).toBeCloseTo(Number(best[dvCol]), 9);
    } else {
      expect(head).toContain('v_dep_neo_km_s');
    }
  });

  it('--json: one CANCELLED envelope whose error.partial has the best cell and every cell computed, as a full run lists them', async () => {
    const r = await runStopped([...SMALL, '--json']);
    expect(r.code).toBe(130);
    expect(r.stderr).not.toContain('\r'); // no progress line with --json
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^prospector: interrupted after \d+ of 1826 launch dates/);
    const doc = JSON.parse(r.stdout); // exactly one document
    expect(doc.schemaVersion).toBe(1);
    expect(doc.result).toBeUndefined();
    expect(doc.error.code).toBe('CANCELLED');
    expect(doc.error.message).toMatch(STOP);
    const p = doc.error.partial;
    expect(Object.keys(p)).toEqual(['launchesDone', 'launches', 'computedLaunchTo', 'best', 'cells']);
    expect(p.launches).toBe(1826);
    expect(p.launchesDone).toBeGreaterThan(0);
    const full = envelope(await runCli(['porkchop', '2000 SG344', ...window(p.computedLaunchTo), '--json']));
    expect(full.result.grid.launches).toBe(p.launchesDone);
    expect(p.cells).toEqual(full.result.cells);
    const min = Math.min(...p.cells.map((c: { dvTotalKmS: number }) => c.dvTotalKmS));
    expect(p.best.dvTotalKmS).toBe(min);
    expect(p.best.dvTotalKmS).toBe(full.result.bestGrid.dvTotalKmS);
  });

  it('stopped before any launch date is done: the CSV header alone, and an empty cells array', async () => {
    const csv = await runStopped([...SMALL, '--csv'], 1);
    expect(csv.code).toBe(130);
    expect(parseCsv(csv.stdout)).toHaveLength(1);
    expect(csv.stderr).toMatch(/interrupted after 0 of 1826 launch dates; no transfer found yet/);
    const json = await runStopped([...SMALL, '--json'], 1);
    expect(json.code).toBe(130);
    const doc = JSON.parse(json.stdout);
    expect(doc.error.partial).toMatchObject({ launchesDone: 0, best: null, cells: [] });
  });
});
