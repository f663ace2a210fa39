// Scenario documents as the TUI edits them (the raw YAML/JSON mapping, units kept as typed),
// and the files the session writes: the scenario itself and plan exports.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { writeFileAtomic } from '../../src/export/atomic-write.js';
import type { ModuleLoader } from './engine.js';
import { requireExports } from './engine.js';
import { jsonResult } from '../format/json.js';
import type { ScenarioDoc } from './session.js';
import { diffDocs, fieldLabel, showValue } from './fields.js';

/** The example `prospector` opens with no scenario: the one DESIGN's examples start from. */
export function defaultScenarioPath(): string | undefined {
  const dir = join(packageRoot(), 'examples');
  const preferred = join(dir, 'metal-pgm-earth.yaml');
  if (existsSync(preferred)) return preferred;
  if (!existsSync(dir)) return undefined;
  const first = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort()[0];
  return first ? join(dir, first) : undefined;
}

/** A scenario file as the session edits it: the raw mapping (units as typed) and the file's text. */
export async function readScenarioFile(path: string): Promise<{ doc: ScenarioDoc; text: string }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${path}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  let doc: unknown;
  if (/\.json$/i.test(path)) {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new Error(`${path}: invalid JSON (${(err as Error).message})`);
    }
  } else {
    const YAML = await import('yaml');
    const parsed = YAML.parseDocument(text, { uniqueKeys: true });
    if (parsed.errors.length > 0) throw new Error(`${path}: YAML syntax error: ${parsed.errors[0].message.split('\n')[0]}`);
    doc = parsed.toJS();
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${path}: expected a mapping of scenario fields`);
  return { doc: doc as ScenarioDoc, text };
}

export async function readScenarioDoc(path: string): Promise<ScenarioDoc> {
  return (await readScenarioFile(path)).doc;
}

export interface SaveMeta {
  /** The document as read from its file, and that file's text and path. */
  original?: ScenarioDoc;
  text?: string;
  from?: string;
  /** Display name for a designation (the description says "2000 SG344 (was Bennu)"). */
  nameOf?: (designation: string) => string;
  /** Today's date (YYYY-MM-DD), written into the description and header: the session's, from the command layer. */
  today: string;
}

/** The session's edits in words, with what each field was: "power @1 AU 40 kW (was 60 kW)". */
export function changeNotes(original: ScenarioDoc, doc: ScenarioDoc, nameOf: (d: string) => string = (d) => d): string[] {
  return diffDocs(original, doc)
    .filter((c) => c.path[0] !== 'description')
    .map((c) => {
      const isTarget = c.path.join('.') === 'target.designation';
      const show = (v: unknown) => (v === undefined ? 'default' : isTarget ? nameOf(String(v)) : showValue(v));
      return `${fieldLabel(c.path)} ${show(c.after)} (was ${show(c.before)})`;
    });
}

/**
 * The description of a saved scenario: what the session changed and when, then the original
 * description when it still applies (after a change of target it describes another asteroid).
 */
export function savedDescription(original: ScenarioDoc | undefined, doc: ScenarioDoc, meta: SaveMeta): string {
  const date = meta.today;
  const orig = typeof original?.description === 'string' ? original.description.trim() : '';
  const notes = original ? changeNotes(original, doc, meta.nameOf) : [];
  if (notes.length === 0) return orig || `Saved from prospector's planning session on ${date}.`;
  const from = meta.from ? basename(meta.from) : 'the session';
  let d = `Edited in prospector's planning session on ${date} from ${from}: ${notes.join('; ')}.`;
  const targetChanged = diffDocs(original, doc).some((c) => c.path.join('.') === 'target.designation');
  if (orig && !targetChanged) d += ` Original description: ${orig}`;
  else if (orig) d += ' (The original description was about the previous target.)';
  return d;
}

/**
 * Writes the scenario. YAML saved from a YAML file keeps that file's comments and layout: only
 * the changed fields are rewritten (a changed value keeps the comment beside it), and the
 * description says what changed. JSON has no comments; it gets the same description.
 */
export async function writeScenarioDoc(file: string, doc: ScenarioDoc, force: boolean, meta: SaveMeta): Promise<void> {
  const description = savedDescription(meta.original, doc, meta);
  const date = meta.today;
  let text: string;
  if (/\.json$/i.test(file)) {
    text = JSON.stringify({ ...doc, description }, null, 2) + '\n';
  } else {
    const YAML = await import('yaml');
    const fromYaml = meta.text !== undefined && meta.original !== undefined && !/\.json$/i.test(meta.from ?? '');
    const document = fromYaml ? YAML.parseDocument(meta.text!) : new YAML.Document(doc);
    if (fromYaml) {
      const fromName = meta.from ? basename(meta.from) : 'the file';
      for (const c of diffDocs(meta.original, doc)) {
        // The comments written for the old value (the note above the key, the one beside it) are
        // about that value — "Class M in Mahlke…" above a target that is now another asteroid —
        // so they go; the value says what it was instead.
        dropCommentsAbove(YAML, document, c.path);
        if (c.after === undefined) {
          document.deleteIn(c.path);
          continue;
        }
        const node = document.getIn(c.path, true);
        const was = c.before === undefined ? null : c.path.join('.') === 'target.designation' && meta.nameOf ? meta.nameOf(String(c.before)) : sourceText(node, meta.text!) ?? showValue(c.before);
        const note = was === null ? " added in prospector's planning session" : ` was ${was} in ${fromName} (changed in prospector's planning session)`;
        if (YAML.isScalar(node) && (c.after === null || typeof c.after !== 'object')) {
          node.value = c.after;
          node.comment = note;
        } else {
          const fresh = document.createNode(c.after);
          if (YAML.isMap(fresh)) fresh.flow = true;
          (fresh as { comment?: string | null }).comment = note;
          document.setIn(c.path, fresh);
        }
      }
    }
    const descNode = document.get('description', true);
    if (YAML.isScalar(descNode)) descNode.value = description;
    else document.set('description', description);
    const header = ` Saved by prospector's planning session on ${date}${meta.from ? ` from ${basename(meta.from)}` : ''}.`;
    // The file's leading comment belongs to its first key; one header line (a file saved again
    // replaces the previous save's line).
    const firstKey = YAML.isMap(document.contents) ? document.contents.items[0]?.key : null;
    const holder: { commentBefore?: string | null } = firstKey && typeof firstKey === 'object' && (firstKey as { commentBefore?: string | null }).commentBefore ? (firstKey as { commentBefore?: string | null }) : document;
    const previous = (holder.commentBefore ?? '')
      .split('\n')
      .filter((l) => !l.startsWith(" Saved by prospector's planning session"))
      .join('\n')
      .replace(/^\n+/, '');
    holder.commentBefore = previous.trim() ? `${header}\n\n${previous}` : header;
    text = document.toString({ lineWidth: 100, flowCollectionPadding: false });
  }
  writeFileAtomic(file, text, { force, field: file });
}

type YamlModule = typeof import('yaml');
type YamlDocument = import('yaml').Document;

/** The value as the file wrote it ("{min: 2900 kg, mode: 3000 kg, max: 3600 kg}", "60 kW"), or null. */
function sourceText(node: unknown, text: string): string | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return null;
  const t = text.slice(range[0], range[1]).trim();
  return t && !t.includes('\n') ? t : null;
}

/**
 * Drops the comment lines above the key at `path`: the key's own, or — for the first key of a
 * nested section, where the yaml library keeps them — the section's. The file's leading comment
 * (on the first top-level key) stays: it is about the whole file.
 */
function dropCommentsAbove(YAML: YamlModule, document: YamlDocument, path: string[]): void {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  if (!YAML.isMap(parent)) return;
  const index = parent.items.findIndex((it) => (YAML.isScalar(it.key) ? it.key.value : it.key) === path[path.length - 1]);
  if (index < 0) return;
  const key = parent.items[index].key as { commentBefore?: string | null } | null;
  if (key && typeof key === 'object' && key.commentBefore && !(path.length === 1 && index === 0)) key.commentBefore = undefined;
  if (index === 0 && path.length > 1) (parent as { commentBefore?: string | null }).commentBefore = undefined;
}

/** What the export module must provide: the writer `prospector export` uses. */
export interface ExportApi {
  forecastCsv(plan: unknown): string;
  forecastDocument(plan: unknown): unknown;
}

/**
 * Writes the current plan's yield forecast with the same writer as `prospector export` (CSV, or
 * the JSON envelope around the forecast document). Returns a short description of what was written.
 */
export async function writePlanExport(engine: ModuleLoader, plan: unknown, format: 'csv' | 'json', file: string, force: boolean): Promise<string> {
  const mod = requireExports<ExportApi>(await engine('export'), 'export', ['forecastCsv', 'forecastDocument']);
  if (!mod.ok) throw new Error(`Export is not available: ${mod.reason}`);
  const text = format === 'csv' ? mod.value.forecastCsv(plan) : jsonResult(mod.value.forecastDocument(plan));
  writeFileAtomic(file, text, { force, field: file });
  return `the yield forecast (${format.toUpperCase()})`;
}
