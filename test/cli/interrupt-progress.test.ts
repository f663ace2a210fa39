// Ctrl+C on the single-target searches (trip, porkchop): the best result so far goes to stdout,
// marked partial (text) or as the rows found (CSV), exit 130, and --json keeps `error.partial`.
// On a terminal a progress line is drawn on stderr (never with --json). The runs are stopped from
// the progress they report, so the tests do not depend on how fast the machine is.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { CliContext } from '../../cli/context.js';
import { TEST_NOW } from '../helpers/cli.js';
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

  it('CSV: the header and the best cell so far; its Δv matches the message', async () => {
    const r = await runOnTerminal([...PORK, '--csv'], midway);
    expect(r.code).toBe(130);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toBe('launch');
    const dv = Number(rows[1][rows[0].indexOf('dv_total_km_s')]);
    const said = Number(/best so far: Δv ([\d.]+) km\/s/.exec(r.stderr)![1]);
    expect(dv).toBeCloseTo(said, 3);
    // LEO departure + arrival v∞ = total for an "out" cell.
    const dvLeo = Number(rows[1][rows[0].indexOf('dv_leo_km_s')]);
    const vArr = Number(rows[1][rows[0].indexOf('v_inf_arr_km_s')]);
    expect(dvLeo + vArr).toBeCloseTo(dv, 9);
  });
});
