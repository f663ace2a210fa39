// The shape every command shares: compute a result, then print it as JSON, CSV or text.
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { errorCodeFor, errorMessage, exitCodeFor, EXIT } from './exit.js';
import { jsonError, jsonResult } from './format/json.js';
import { chunkedWriter, type ChunkWrite } from './format/stream.js';
import { makeStyle, type Style } from './format/style.js';
import { ProspectorError, NoSolutionError } from '../src/errors.js';

export interface Output<T> {
  result: T;
  /** Human-readable rendering for a terminal or a pipe. */
  text?: (result: T, style: Style, ctx: CliContext) => string;
  /** RFC 4180 CSV, for tabular commands. */
  csv?: (result: T) => string;
  /** Messages for stderr in text/CSV mode (they are part of `result` for --json). */
  warnings?: string[];
  /** Exit code when the command succeeded but wants a different one (e.g. 130 after partial results). */
  exitCode?: number;
  /**
   * Outputs too large for one string (big porkchop grids): write the --json document or the CSV
   * piece by piece through `write` (cli/format/stream.ts); same bytes as `result`/`csv` would give.
   */
  streamJson?: (write: ChunkWrite) => Promise<void>;
  streamCsv?: (write: ChunkWrite) => Promise<void>;
}

export interface OutputFlags {
  json?: boolean;
  csv?: boolean;
}

/** Adds the output flags DESIGN §4 gives every data command. */
export function withOutputFlags(cmd: Command, opts: { csv?: boolean } = {}): Command {
  cmd.option('--json', 'print one JSON document {"schemaVersion":1,"result":…} on stdout');
  if (opts.csv) cmd.option('--csv', 'print RFC 4180 CSV on stdout (units in the headers)');
  return cmd;
}

export type RegisterCommand = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

/**
 * Runs a command body and prints what it returns; errors become one stderr line (or a JSON error
 * envelope) and the matching exit code. Returns the exit code.
 */
export async function runOutput<T>(ctx: CliContext, flags: OutputFlags, body: () => Promise<Output<T>> | Output<T>): Promise<number> {
  let streaming = false;
  try {
    if (flags.json && flags.csv) throw new ProspectorError('INVALID_INPUT', '--json and --csv: choose one output format', '--json');
    const out = await body();
    if (flags.json) {
      if (out.streamJson) {
        streaming = true;
        const w = chunkedWriter(ctx.stdout, ctx.signal);
        await out.streamJson(w.write);
        await w.end();
      } else ctx.stdout.write(jsonResult(out.result));
    } else {
      for (const w of out.warnings ?? []) ctx.stderr.write(`${makeStyle(ctx.colorErr).yellow('warning')}: ${w}\n`);
      if (flags.csv && out.streamCsv) {
        streaming = true;
        const w = chunkedWriter(ctx.stdout, ctx.signal);
        await out.streamCsv(w.write);
        await w.end();
      } else if (flags.csv) {
        if (!out.csv) throw new ProspectorError('INVALID_INPUT', '--csv: this command has no tabular output', '--csv');
        ctx.stdout.write(out.csv(out.result));
      } else if (out.text) {
        ctx.stdout.write(out.text(out.result, makeStyle(ctx.color), ctx));
      } else {
        ctx.stdout.write(JSON.stringify(out.result, null, 2) + '\n');
      }
    }
    return out.exitCode ?? EXIT.OK;
  } catch (err) {
    // Part of the document is already out: no second (error) document on stdout, just the reason.
    if (streaming) {
      ctx.stderr.write(`prospector: ${errorMessage(err)}\n`);
      return exitCodeFor(err);
    }
    return reportError(ctx, flags, err);
  }
}

export function reportError(ctx: CliContext, flags: OutputFlags, err: unknown): number {
  const code = exitCodeFor(err);
  const debug = ctx.env.PROSPECTOR_DEBUG === '1';
  if (code === EXIT.FAILURE && !(err instanceof ProspectorError)) {
    // Not an input problem: a bug or an environment failure. Say so plainly.
    const msg = `internal error: ${errorMessage(err)}${debug ? '' : ' (set PROSPECTOR_DEBUG=1 for the stack trace)'}`;
    if (flags.json) ctx.stdout.write(jsonError('INTERNAL', errorMessage(err)));
    ctx.stderr.write(`prospector: ${msg}\n`);
  } else {
    const extra: Record<string, unknown> = {};
    if (err instanceof ProspectorError && err.field) extra.field = err.field;
    if (err instanceof ProspectorError && err.file) extra.file = err.file;
    if (err instanceof NoSolutionError && err.binding) extra.binding = err.binding;
    // Warnings still apply when nothing was feasible (or the run was stopped): in the envelope for
    // --json, on stderr before the error line otherwise, as for a successful run.
    if (err instanceof ProspectorError && err.details) Object.assign(extra, err.details);
    if (err instanceof ProspectorError && err.warnings?.length) {
      extra.warnings = err.warnings;
      if (!flags.json) for (const w of err.warnings) ctx.stderr.write(`${makeStyle(ctx.colorErr).yellow('warning')}: ${w}\n`);
    }
    if (flags.json) ctx.stdout.write(jsonError(errorCodeFor(err), errorMessage(err), extra));
    ctx.stderr.write(`prospector: ${errorMessage(err)}\n`);
    if (!flags.json) ctx.stderr.write(moreProblemLines(err));
  }
  if (debug && err instanceof Error && err.stack) ctx.stderr.write(err.stack + '\n');
  return code;
}

/** At most this many further problems of a scenario are listed under its error line; --json has them all. */
const MORE_PROBLEMS_SHOWN = 8;

/**
 * The problems after the first of an input error that has several (a scenario with more than one
 * bad field, `details.problems`), one indented line each under the one-line message; past
 * MORE_PROBLEMS_SHOWN, a pointer to `--json`, whose `error.problems` lists every one.
 */
export function moreProblemLines(err: unknown): string {
  const problems = err instanceof ProspectorError ? err.details?.problems : undefined;
  if (!Array.isArray(problems) || problems.length < 2) return '';
  const rest = (problems as Array<{ field?: string; message?: string }>).slice(1);
  let out = '';
  for (const p of rest.slice(0, MORE_PROBLEMS_SHOWN)) out += `  also ${p.field ? `${p.field}: ` : ''}${p.message ?? ''}\n`;
  if (rest.length > MORE_PROBLEMS_SHOWN) out += `  … and ${rest.length - MORE_PROBLEMS_SHOWN} more (--json lists every problem under error.problems)\n`;
  return out;
}
