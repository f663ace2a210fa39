/**
 * Reading scenario files: YAML or JSON → zod validation → a `Scenario` in engine units.
 * Every failure is one InputError line naming the file, the field path and what was expected,
 * e.g. `examples/x.yaml: spacecraft.isp: expected a positive quantity in s, got "-3000 s"`.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { loadUnits } from './units.js';
import { NEEDS_UNITS, scenarioSchema, type Scenario } from './schema.js';

/** Field path as users write it: `refinery.products[2]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += (s ? '.' : '') + String(p);
  }
  return s;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) return `required field is missing (expected ${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(input)}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'an object' : JSON.stringify(input)}`;
  return issue.message;
}

/** One line: `file: path: problem` (+ how many more problems there are). */
export function formatZodError(error: z.ZodError, source: string): string {
  const issues = error.issues;
  // Prefer the deepest, most specific issue (unions report their branches as nested issues).
  const first = issues[0];
  const path = formatPath(first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${source}: ${path ? path + ': ' : ''}${issueMessage(first)}${more}`;
}

/** Validates an already-parsed document (YAML/JSON object) as a scenario. */
export async function parseScenario(doc: unknown, source = 'scenario'): Promise<Scenario> {
  if (doc === null || doc === undefined) throw new InputError(`${source}: the scenario is empty (expected at least target, spacecraft and refinery)`, source);
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(`${source}: expected a mapping of scenario fields at the top level, got ${Array.isArray(doc) ? 'a list' : typeof doc}`, source);
  let r = scenarioSchema.safeParse(doc, { reportInput: true });
  if (!r.success && r.error.issues.some((i) => i.message === NEEDS_UNITS)) {
    // A unit outside the common table: load mathjs (once per process) and read the file again.
    await loadUnits();
    r = scenarioSchema.safeParse(doc, { reportInput: true });
  }
  if (!r.success) throw new InputError(formatZodError(r.error, source), source);
  return { ...r.data, source };
}

/** Parses scenario text; JSON when the name ends in .json (or the text starts with `{`), else YAML. */
export async function parseScenarioText(text: string, source: string): Promise<Scenario> {
  return parseScenario(await parseDocumentText(text, source), source);
}

/** The raw document (before validation) of scenario text: YAML or JSON. */
export async function parseDocumentText(text: string, source: string): Promise<unknown> {
  if (text.trim() === '') throw new InputError(`${source}: the file is empty (expected a scenario; \`prospector init\` writes a starter)`, source);
  let doc: unknown;
  const json = source.toLowerCase().endsWith('.json') || (!/\.ya?ml$/i.test(source) && text.trimStart().startsWith('{'));
  if (json) {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${source}: invalid JSON (${(err as Error).message})`, source);
    }
  } else {
    const YAML = await import('yaml');
    const parsed = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (parsed.errors.length > 0) {
      const e = parsed.errors[0];
      const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
      const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
      throw new InputError(`${source}: YAML syntax error at ${where}${msg}`, source);
    }
    doc = parsed.toJS({ maxAliasCount: 100 });
  }
  return doc;
}

/** Reads and validates a scenario file (YAML or JSON). */
export async function loadScenario(path: string, opts: { source?: string } = {}): Promise<Scenario> {
  const source = opts.source ?? path;
  const sc = await parseScenarioText(readScenarioText(path, source), source);
  // A catalog named in the file is relative to the file, not to wherever the program runs.
  const cat = sc.target.catalog;
  if (cat !== undefined && !isAbsolute(cat)) sc.target = { ...sc.target, catalog: resolve(dirname(resolve(path)), cat) };
  return sc;
}

/** Reads a scenario file's raw document (for sweeps that edit fields before validation). */
export async function readScenarioDocument(path: string, opts: { source?: string } = {}): Promise<unknown> {
  const source = opts.source ?? path;
  return parseDocumentText(readScenarioText(path, source), source);
}

function readScenarioText(path: string, source: string): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${source}: is a directory (expected a scenario file)`, source);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${source}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`, source);
  }
  return text;
}
