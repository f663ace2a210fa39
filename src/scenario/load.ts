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
import { closest } from './suggest.js';
import { NEEDS_UNITS, scenarioSchema, showValue, type Scenario } from './schema.js';

/** Field path as users write it: `refinery.products[2]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += (s ? '.' : '') + String(p);
  }
  return s;
}

type SchemaDef = Record<string, unknown>;
const defOf = (schema: unknown): SchemaDef => (schema as { _zod: { def: SchemaDef } })._zod.def;

/** The schema node at a field path (through defaults, optionals, pipes, records, arrays), or null. */
function schemaAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | null {
  let node: z.ZodType | null = unwrapSchema(schema);
  for (const key of path) {
    if (!node) return null;
    const def: SchemaDef = defOf(node);
    if (def.type === 'object') node = (def.shape as Record<string, z.ZodType>)[String(key)] ?? null;
    else if (def.type === 'record') node = def.valueType as z.ZodType;
    else if (def.type === 'array') node = def.element as z.ZodType;
    else if (def.type === 'union') node = (def.options as z.ZodType[]).map((o) => schemaAt(o, [key])).find((o) => o !== null) ?? null;
    else return null;
    node = node ? unwrapSchema(node) : null;
  }
  return node;
}

function unwrapSchema(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (let i = 0; i < 20; i++) {
    const def: SchemaDef = defOf(node);
    if (def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'nullable') node = def.innerType as z.ZodType;
    else if (def.type === 'pipe') node = def.in as z.ZodType;
    else break;
  }
  return node;
}

/** Field names an object (or the keys a product map) accepts at `path`. */
export function knownKeys(path: ReadonlyArray<PropertyKey>, schema: z.ZodType = scenarioSchema): string[] {
  const node = schemaAt(schema, path);
  if (!node) return [];
  const def: SchemaDef = defOf(node);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap((o) => knownKeys([], o)))];
  if (def.type === 'record') {
    const k = defOf(def.keyType);
    if (k.type === 'enum') return Object.values(k.entries as Record<string, string>);
  }
  return [];
}

// The did-you-mean match lives in suggest.ts (no zod there: the CLI config layer uses it at start-up).
export { closest } from './suggest.js';

/** Where else in the scenario a field of this name lives (for a key put in the wrong section). */
function sectionOf(key: string): string | null {
  for (const section of knownKeys([])) {
    if (knownKeys([section]).includes(key)) return section;
  }
  return null;
}

/** What a value looks like in a message; YAML's .inf/.nan are printed as written, not as null. */
function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  return showValue(input);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) {
    const fields = issue.expected === 'object' ? knownKeys(issue.path) : [];
    return `required field is missing (expected ${fields.length ? `a section with ${fields.join(', ')}` : issue.expected})`;
  }
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    const hints = issue.keys.map((k) => {
      const near = closest(k, known);
      if (near) return `"${k}" (did you mean "${near}"?)`;
      const home = issue.path.length === 0 ? null : sectionOf(k);
      if (issue.path.length > 0 && home === null && knownKeys([]).includes(k)) return `"${k}" (it is a top-level section)`;
      return home && home !== formatPath(issue.path) ? `"${k}" (it belongs under ${home})` : `"${k}"`;
    });
    const list = known.length > 0 && hints.every((h) => !h.includes('(')) ? ` (expected one of ${known.join(', ')})` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${hints.join(', ')}${list}`;
  }
  if (issue.code === 'invalid_value') {
    const near = typeof input === 'string' ? closest(input, issue.values.map(String)) : null;
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeInput(input)}${near ? ` (did you mean "${near}"?)` : ''}`;
  }
  if (issue.code === 'invalid_type') {
    const fields = issue.expected === 'object' ? knownKeys(issue.path) : [];
    return `expected ${fields.length ? `a section with ${fields.join(', ')}` : issue.expected === 'object' ? 'a section of fields' : issue.expected}, got ${describeInput(input)}`;
  }
  return issue.message;
}

/**
 * The issue to report first. An unknown field comes before everything else: a misspelt required
 * field (`dryMas:`) also makes the real one "missing", and the typo is the cause to show.
 */
function primaryIssue(issues: readonly z.core.$ZodIssue[]): { issue: z.core.$ZodIssue; consequences: Set<z.core.$ZodIssue> } {
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  if (!unknown || unknown.code !== 'unrecognized_keys') return { issue: issues[0], consequences: new Set() };
  // Missing fields the unknown keys were meant to be are consequences, not further problems.
  const known = knownKeys(unknown.path);
  const meant = new Set(unknown.keys.map((k) => closest(k, known)).filter((k): k is string => k !== null));
  const base = formatPath(unknown.path);
  const consequences = issues.filter((i) => {
    if (i === unknown || i.path.length !== unknown.path.length + 1) return false;
    const input = (i as { input?: unknown }).input;
    return formatPath(i.path.slice(0, -1)) === base && meant.has(String(i.path[i.path.length - 1])) && input === undefined;
  });
  return { issue: unknown, consequences: new Set(consequences) };
}

/** Keys of a distribution written as an object (DESIGN §2.9). */
const DISTRIBUTION_KEYS = new Set(['min', 'mode', 'max', 'p10', 'p50', 'p90']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * zod reports a union of "one distribution for all" and "one per product" (refinery.recovery) by
 * whichever branch failed less badly: `{min: 0.9, mode: 0.8, max: 0.6}` came out as unknown
 * product keys "min", "mode", "max", and a bad number as "Invalid input". Report the branch the
 * value was meant for, judged by its shape: a distribution's keys or a plain number → the
 * distribution; product keys → the map.
 */
function explainUnionIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType = scenarioSchema): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const node = issue.code === 'unrecognized_keys' || issue.code === 'invalid_union' ? schemaAt(schema, issue.path) : null;
    const options = node && defOf(node).type === 'union' ? (defOf(node).options as z.ZodType[]) : null;
    const mapIndex = options ? options.findIndex((o) => defOf(unwrapSchema(o)).type === 'record') : -1;
    if (!options || mapIndex < 0) {
      out.push(issue);
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    const mapKeys = knownKeys([], options[mapIndex]);
    const meantAsDistribution = !isPlainObject(input) || (Object.keys(input).some((k) => DISTRIBUTION_KEYS.has(k)) && !Object.keys(input).some((k) => mapKeys.includes(k)));
    if (issue.code === 'unrecognized_keys' && !meantAsDistribution) {
      const dist = issue.keys.filter((k) => DISTRIBUTION_KEYS.has(k));
      const products = isPlainObject(input) ? Object.keys(input).filter((k) => mapKeys.includes(k)) : [];
      if (dist.length > 0 && products.length > 0) {
        // `{Pt: 0.9, min: 0.5}`: half a per-product map, half a distribution.
        const message = `mixes product keys (${products.join(', ')}) with distribution key${dist.length > 1 ? 's' : ''} ${dist.map((k) => `"${k}"`).join(', ')}: give one value or distribution for every product, or one per product (e.g. {${products[0]}: {min: 0.8, mode: 0.9, max: 0.95}})`;
        out.push({ code: 'custom', path: issue.path, message, input } as z.core.$ZodIssue);
      } else out.push(issue);
      continue;
    }
    let branch: readonly z.core.$ZodIssue[] | undefined;
    if (issue.code === 'invalid_union') {
      const pick = meantAsDistribution ? issue.errors.findIndex((_, i) => i !== mapIndex) : mapIndex;
      branch = issue.errors[pick];
    } else {
      const single = options.find((_, i) => i !== mapIndex);
      const r = single?.safeParse(input, { reportInput: true });
      branch = r && !r.success ? r.error.issues : undefined;
    }
    if (!branch || branch.length === 0) {
      out.push(issue);
      continue;
    }
    for (const b of explainUnionIssues(branch, node!)) out.push({ ...b, path: [...issue.path, ...b.path] } as z.core.$ZodIssue);
  }
  return out;
}

/** One problem of a scenario: the field path (as in messages) and what is wrong with it. */
export interface ScenarioProblem {
  field: string;
  message: string;
}

/** The field of an issue: a single unknown key is the key itself (`spacecraft.dryMass`), so a script can point at it. */
function issueField(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? formatPath([...issue.path, issue.keys[0]]) : formatPath(issue.path);
}

/** One line: `file: path: problem` (+ how many more problems there are). */
export function formatZodError(error: z.ZodError, source: string): string {
  return describeZodError(error, source).message;
}

/**
 * The one-line message (the first problem, + how many more there are), the field path of that
 * problem, and every problem (the first one included) for the JSON envelope and the lines that
 * follow the message on stderr.
 */
export function describeZodError(error: z.ZodError, source: string): { message: string; field: string; problems: ScenarioProblem[] } {
  const issues = explainUnionIssues(error.issues);
  const { issue, consequences } = primaryIssue(issues);
  const path = formatPath(issue.path);
  const rest = issues.filter((i) => i !== issue && !consequences.has(i));
  const others = rest.length;
  const more = others > 0 ? ` (and ${others} more problem${others > 1 ? 's' : ''})` : '';
  const problems = [issue, ...rest].map((i) => ({ field: issueField(i), message: issueMessage(i) }));
  return { message: `${source}: ${path ? path + ': ' : ''}${issueMessage(issue)}${more}`, field: issueField(issue), problems };
}

/** An input error about a scenario file: `field` is the field path (absent for whole-file problems), `file` the file. */
export function scenarioError(message: string, file: string, field?: string, problems?: ScenarioProblem[]): InputError {
  const e = new InputError(message, field);
  e.file = file;
  // Every problem, for `error.problems` in the --json envelope (the message names the first).
  if (problems && problems.length > 0) e.details = { problems };
  return e;
}

/**
 * Validates an already-parsed document (YAML/JSON object) as a scenario. `source` names it in
 * messages (e.g. `a.yaml [spacecraft.power=20 kW]` for a sweep variant); `file` is the file it
 * came from, reported separately (default: `source`).
 */
export async function parseScenario(doc: unknown, source = 'scenario', file = source): Promise<Scenario> {
  if (doc === null || doc === undefined) throw scenarioError(`${source}: the scenario is empty (expected at least target, spacecraft and refinery)`, file);
  if (typeof doc !== 'object' || Array.isArray(doc)) throw scenarioError(`${source}: expected a mapping of scenario fields at the top level, got ${Array.isArray(doc) ? 'a list' : typeof doc === 'string' ? 'a single text value' : typeof doc}`, file);
  let r = scenarioSchema.safeParse(doc, { reportInput: true });
  if (!r.success && (r.error.issues.some((i) => i.message === NEEDS_UNITS) || explainUnionIssues(r.error.issues).some((i) => i.message === NEEDS_UNITS))) {
    // A unit outside the common table: load mathjs (once per process) and read the file again.
    await loadUnits();
    r = scenarioSchema.safeParse(doc, { reportInput: true });
  }
  if (!r.success) {
    const { message, field, problems } = describeZodError(r.error, source);
    throw scenarioError(message, file, field || undefined, problems);
  }
  return { ...r.data, source };
}

/** Parses scenario text; JSON when the name ends in .json (or the text starts with `{`), else YAML. */
export async function parseScenarioText(text: string, source: string): Promise<Scenario> {
  return parseScenario(await parseDocumentText(text, source), source);
}

/** The raw document (before validation) of scenario text: YAML or JSON. */
export async function parseDocumentText(text: string, source: string): Promise<unknown> {
  if (text.trim() === '') throw scenarioError(`${source}: the file is empty (expected a scenario; \`prospector init\` writes a starter)`, source);
  let doc: unknown;
  const json = source.toLowerCase().endsWith('.json') || (!/\.ya?ml$/i.test(source) && text.trimStart().startsWith('{'));
  if (json) {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw scenarioError(`${source}: invalid JSON (${(err as Error).message})`, source);
    }
  } else {
    const YAML = await import('yaml');
    const parsed = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (parsed.errors.length > 0) {
      const e = parsed.errors[0];
      const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
      const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
      throw scenarioError(`${source}: YAML syntax error at ${where}${msg}`, source);
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
    if (statSync(path).isDirectory()) throw scenarioError(`${source}: is a directory (expected a scenario file)`, source);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw scenarioError(`${source}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`, source);
  }
  return text;
}
