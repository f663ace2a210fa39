// What a command needs to know about where it runs: streams, colour, interactivity, the date.
import type { Writable } from 'node:stream';
import { InputError } from '../src/errors.js';

export interface CliContext {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colour on stdout. */
  color: boolean;
  /** Colour on stderr (progress, warnings). */
  colorErr: boolean;
  /** Set by Ctrl+C; long jobs check it and stop with partial results. */
  signal: AbortSignal;
  /**
   * When the command started: "today" (its UTC date) starts the default launch windows. The engine
   * never reads the clock; it gets the date from here (see `todayIso`). Absent: the clock.
   */
  now?: Date;
}

/**
 * Today's UTC date (YYYY-MM-DD) for this run: `PROSPECTOR_TODAY` when set (reproducible runs and
 * tests), else the date of `ctx.now`, else of the clock.
 */
export function todayIso(ctx: Pick<CliContext, 'env' | 'now'>): string {
  const v = ctx.env.PROSPECTOR_TODAY;
  if (v !== undefined && v !== '') {
    const t = v.trim();
    const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? new Date(`${t}T00:00:00Z`) : null;
    // toISOString round trip: rejects 2026-02-31 (which Date rolls over to March).
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) {
      throw new InputError(`PROSPECTOR_TODAY: expected a date YYYY-MM-DD such as 2026-12-05, got "${v}"`, 'PROSPECTOR_TODAY');
    }
    return t;
  }
  return (ctx.now ?? new Date()).toISOString().slice(0, 10);
}

/**
 * "Now" for a command that needs an instant rather than a date (epoch ages, ephemeris --date):
 * PROSPECTOR_TODAY at 00:00 UTC when set (reproducible runs and tests), else `ctx.now` (the run's
 * start), else the clock — the same precedence as `todayIso`.
 */
export function runInstant(ctx: Pick<CliContext, 'env' | 'now'>): Date {
  const today = todayIso(ctx); // validates PROSPECTOR_TODAY (exit 2 on a malformed date)
  const pinned = ctx.env.PROSPECTOR_TODAY;
  if (pinned !== undefined && pinned !== '') return new Date(`${today}T00:00:00Z`);
  return ctx.now ?? new Date();
}

/** `CI` set to anything (even empty) counts, as is-in-ci does; "0"/"false" do not. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  if (!('CI' in env)) return false;
  const v = env.CI;
  return v !== '0' && v !== 'false';
}

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, argv: string[]): boolean {
  const force = env.FORCE_COLOR;
  if (argv.includes('--no-color') || argv.includes('--json')) return false;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  // In CI the output is a log, even when a pseudo-terminal carries it: plain text unless
  // FORCE_COLOR asks otherwise (issue 10: no escape sequences when CI is set).
  if (isCi(env)) return false;
  return stream.isTTY === true;
}

/** The TUI needs a real terminal on both ends, and never in CI. */
export function interactive(ctx: Pick<CliContext, 'stdout' | 'stdinIsTTY' | 'env'>): boolean {
  return ctx.stdinIsTTY && ctx.stdout.isTTY === true && !isCi(ctx.env);
}

export function defaultContext(argv: string[], signal: AbortSignal): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    color: colorWanted(process.stdout, process.env, argv),
    colorErr: colorWanted(process.stderr, process.env, argv),
    signal,
    now: new Date(),
  };
}
