// What a command needs to know about where it runs: streams, colour, interactivity.
import type { Writable } from 'node:stream';

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
  };
}
