// Runs the CLI in-process with captured streams (no build needed) and returns what a user sees.
import { Writable } from 'node:stream';
import { main } from '../../cli/main.js';
import type { CliContext } from '../../cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  data = '';
  isTTY = false;
  columns = 100;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
    this.data += chunk.toString();
    cb();
  }
}

/**
 * "Now" for every in-process CLI run: default launch windows start at today's date, so tests pin
 * it (the suite must not change with the calendar). PROSPECTOR_TODAY in `env` still overrides it.
 */
export const TEST_NOW = new Date('2026-12-05T12:00:00Z');

export async function runCli(argv: string[], opts: { env?: Record<string, string>; cwd?: string; signal?: AbortSignal; now?: Date } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx: CliContext = {
    stdout,
    stderr,
    stdinIsTTY: false,
    env: { ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    color: false,
    colorErr: false,
    signal: opts.signal ?? new AbortController().signal,
    now: opts.now ?? TEST_NOW,
  };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.data, stderr: stderr.data };
}

/** Parses a --json run's stdout and checks it is exactly one envelope. */
export function envelope<T = any>(run: CliRun): { schemaVersion: number; result: T; error?: { code: string; message: string } } {
  return JSON.parse(run.stdout);
}
