// Scenario documents as the TUI edits them (the raw YAML/JSON mapping, units kept as typed),
// and the files the session writes: the scenario itself and plan exports.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { writeFileAtomic } from '../../src/export/atomic-write.js';
import type { ModuleLoader } from './engine.js';
import { requireExports } from './engine.js';
import { jsonResult } from '../format/json.js';
import type { ScenarioDoc } from './session.js';

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

export async function readScenarioDoc(path: string): Promise<ScenarioDoc> {
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
  return doc as ScenarioDoc;
}

export async function writeScenarioDoc(file: string, doc: ScenarioDoc, force: boolean): Promise<void> {
  const text = /\.json$/i.test(file)
    ? JSON.stringify(doc, null, 2) + '\n'
    : `# Saved by prospector's planning session on ${new Date().toISOString().slice(0, 10)}\n` + (await import('yaml')).stringify(doc);
  writeFileAtomic(file, text, { force, field: file });
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
