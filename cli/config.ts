/**
 * Settings by layer: samples and seed of the planning commands (plan, compare, export and the
 * default report), and the catalog of every command that names an asteroid or reads the catalog.
 *
 * Run settings — how much to compute and how to write it (samples, seed, exportFormat, csvBom) —
 * highest first:
 *   1. flags (--samples, --seed, --format, --bom)
 *   2. PROSPECTOR_* environment (PROSPECTOR_SAMPLES, PROSPECTOR_SEED, PROSPECTOR_EXPORT_FORMAT, PROSPECTOR_CSV_BOM)
 *   3. ./prospector.config.json (project)
 *   4. $XDG_CONFIG_HOME/prospector/config.json, else ~/.config/prospector/config.json (user)
 *   5. the scenario file's `uncertainty.samples/seed` — the scenario's suggestion
 *   6. built-in defaults (1000 samples, seed 1; no BOM)
 * A config file is where a user says "on this machine, while I iterate, 50 samples": it must
 * apply to every scenario, bundled examples included, which all set their own sample count.
 * Every plan records the samples and seed it used, so a result stays reproducible.
 *
 * Data — which orbits to plan against (catalog) — is part of what a scenario means, so a scenario
 * that names its catalog keeps it over the config files (flags and environment still win):
 *   --catalog > PROSPECTOR_CATALOG > the scenario's target.catalog > project config > user config > bundled.
 * Commands without a scenario (targets, target, trip, porkchop, ephemeris, refine, screen) use the
 * same layers (`openCatalogFor`); a file that cannot be read is named after the layer that set it.
 *
 * Config files are JSON, validated like scenario files: one line naming the file, the key and
 * what was expected (did-you-mean for a misspelt key); relative paths resolve against the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError, NotFoundError, ProspectorError } from '../src/errors.js';
// suggest.ts, not load.ts/schema.ts: those import zod, which `plan --help` and friends need not load.
import { closest, showValue } from '../src/scenario/suggest.js';
import type { CliContext } from './context.js';
import type { Asteroid, CatalogLoad } from '../src/catalog/index.js';

export const DEFAULT_SAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const EXPORT_FORMATS = ['csv', 'json', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ConfigFile {
  samples?: number;
  seed?: number;
  catalog?: string;
  exportFormat?: ExportFormat;
  csvBom?: boolean;
}

/** Each key with what it expects, worded as scenario errors are. */
const KEYS: Record<keyof ConfigFile, { expected: string; check: (v: unknown) => boolean }> = {
  samples: { expected: 'a whole number of samples 0–1000000', check: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000 },
  seed: { expected: 'a whole-number seed 0–4294967295', check: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 4294967295 },
  catalog: { expected: 'a catalog file path (MPC NEA.txt/MPCORB.DAT, nea_extended.json(.gz), SBDB CSV)', check: (v) => typeof v === 'string' && v.trim() !== '' },
  exportFormat: { expected: `one of ${EXPORT_FORMATS.join(', ')}`, check: (v) => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v) },
  csvBom: { expected: 'true or false', check: (v) => typeof v === 'boolean' },
};
export const CONFIG_KEYS = Object.keys(KEYS) as Array<keyof ConfigFile>;

export type SettingSource = 'flag' | 'env' | 'scenario' | 'project config' | 'user config' | 'default';

export interface Settings {
  samples: number;
  seed: number;
  /** Absolute catalog path, or undefined for the bundled catalog. */
  catalog?: string;
  /** Where the catalog setting came from and how messages name it. */
  catalogSetting: CatalogSetting;
  sources: { samples: SettingSource; seed: SettingSource; catalog: SettingSource };
}

export interface SettingFlags {
  samples?: string;
  seed?: string;
  catalog?: string;
}

export function userConfigPath(env: NodeJS.ProcessEnv): string | null {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'prospector', 'config.json');
  if (env.HOME) return join(env.HOME, '.config', 'prospector', 'config.json');
  return null;
}

function configError(message: string, file: string, field?: string): InputError {
  const e = new InputError(message, field);
  e.file = file;
  return e;
}

/** Reads and validates one config file; null when it does not exist. `shown` is the name used in messages. */
export function readConfig(path: string, shown = path): ConfigFile | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw configError(`${shown}: is a directory (expected a JSON config file)`, shown);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw configError(`${shown}: cannot read the config file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, shown);
  }
  if (text.trim() === '') throw configError(`${shown}: the config file is empty (expected a JSON object such as {"samples": 200})`, shown);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw configError(`${shown}: invalid JSON (${(err as Error).message})`, shown);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw configError(`${shown}: expected a JSON object of settings (${CONFIG_KEYS.join(', ')}), got ${Array.isArray(doc) ? 'a list' : showValue(doc)}`, shown);
  }
  const obj = doc as Record<string, unknown>;
  // Unknown keys first, as for scenarios: a misspelt key would otherwise be silently ignored.
  for (const k of Object.keys(obj)) {
    if (!(k in KEYS)) {
      const near = closest(k, CONFIG_KEYS);
      throw configError(`${shown}: unknown field "${k}" (${near ? `did you mean "${near}"?` : `expected one of ${CONFIG_KEYS.join(', ')}`})`, shown, k);
    }
  }
  const out: ConfigFile = {};
  for (const k of CONFIG_KEYS) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!KEYS[k].check(v)) throw configError(`${shown}: ${k}: expected ${KEYS[k].expected}, got ${showValue(v)}`, shown, k);
    (out as Record<string, unknown>)[k] = v;
  }
  if (out.catalog && !isAbsolute(out.catalog)) out.catalog = resolve(dirname(path), out.catalog);
  return out;
}

export interface ConfigLayers {
  project: ConfigFile | null;
  user: ConfigFile | null;
  /** How messages name the user config file (`~/.config/prospector/config.json`). */
  userShown?: string;
}

/** The project (./prospector.config.json) and user config files, validated. */
export function readConfigLayers(ctx: Pick<CliContext, 'env' | 'cwd'>): ConfigLayers {
  const projectPath = join(ctx.cwd, 'prospector.config.json');
  const project = readConfig(projectPath, 'prospector.config.json');
  const userPath = userConfigPath(ctx.env);
  const userShown = userPath ? displayPath(userPath, ctx) : undefined;
  const user = userPath ? readConfig(userPath, userShown) : null;
  return { project, user, userShown };
}

function displayPath(path: string, ctx: Pick<CliContext, 'env' | 'cwd'>): string {
  const home = ctx.env.HOME;
  if (home && path.startsWith(home + '/')) return '~/' + relative(home, path);
  return path;
}

function intFrom(text: string, what: string, min: number, max: number): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${what}: expected a whole number ${min}–${max}, got "${text}"`, what);
  return n;
}

function pick<T>(layers: Array<[T | undefined, SettingSource]>, def: T): [T, SettingSource] {
  for (const [v, s] of layers) if (v !== undefined) return [v, s];
  return [def, 'default'];
}

/**
 * Resolves samples, seed and catalog (precedence in the header). `scenario` holds the scenario
 * file's own values (catalog already resolved against the scenario file's directory).
 */
export function resolveSettings(flags: SettingFlags, ctx: Pick<CliContext, 'env' | 'cwd'>, scenario: { samples?: number; seed?: number; catalog?: string; source?: string } = {}): Settings {
  const layers = readConfigLayers(ctx);
  const { project, user } = layers;
  const env = ctx.env;
  const num = (flag: string | undefined, flagName: string, envName: string, min: number, max: number) => ({
    flag: flag !== undefined ? intFrom(flag, flagName, min, max) : undefined,
    env: env[envName] !== undefined && env[envName] !== '' ? intFrom(env[envName]!, envName, min, max) : undefined,
  });
  const s = num(flags.samples, '--samples', 'PROSPECTOR_SAMPLES', 0, 1_000_000);
  const d = num(flags.seed, '--seed', 'PROSPECTOR_SEED', 0, 4294967295);
  const [samples, samplesSrc] = pick<number>(
    [[s.flag, 'flag'], [s.env, 'env'], [project?.samples, 'project config'], [user?.samples, 'user config'], [scenario.samples, 'scenario']],
    DEFAULT_SAMPLES,
  );
  const [seed, seedSrc] = pick<number>(
    [[d.flag, 'flag'], [d.env, 'env'], [project?.seed, 'project config'], [user?.seed, 'user config'], [scenario.seed, 'scenario']],
    DEFAULT_SEED,
  );
  const catalogSetting = resolveCatalog(flags.catalog, ctx, { catalog: scenario.catalog, source: scenario.source }, layers);
  return { samples, seed, catalog: catalogSetting.path, catalogSetting, sources: { samples: samplesSrc, seed: seedSrc, catalog: catalogSetting.source } };
}

/**
 * Which asteroid catalog a command uses, and how messages name it. Every command that names an
 * asteroid or reads the catalog resolves it here, with the precedence in the header:
 * --catalog > PROSPECTOR_CATALOG > the scenario's target.catalog > ./prospector.config.json >
 * the user config > the bundled catalog.
 */
export interface CatalogSetting {
  /** Absolute path of the file; undefined for the bundled catalog. */
  path?: string;
  source: SettingSource;
  /** The path as the loader is given it (relative to the cwd when that is shorter): its messages start with it. */
  shown?: string;
  /**
   * The setting as messages name it: the flag's value as typed, `PROSPECTOR_CATALOG=x.txt`,
   * `prospector.config.json: catalog: x.txt`, `a.yaml: target.catalog: x.txt`, or the bundled catalog.
   */
  label: string;
  /** `error.field` / `error.file` of the --json envelope when the file is missing or not a catalog. */
  field?: string;
  file?: string;
}

/**
 * Resolves the catalog setting. `scenario.catalog` is the scenario's own (already absolute: the
 * scenario loader resolves it against the scenario file), `scenario.source` how the scenario is
 * named in messages. `layers` saves reading the config files twice.
 */
export function resolveCatalog(
  flag: string | undefined,
  ctx: Pick<CliContext, 'env' | 'cwd'>,
  scenario: { catalog?: string; source?: string } = {},
  layers: ConfigLayers = readConfigLayers(ctx),
): CatalogSetting {
  const shownOf = (abs: string): string => {
    const rel = relative(ctx.cwd, abs);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  };
  if (flag !== undefined) {
    // As typed: messages read `x.txt: no such file`, as for every other file flag.
    return { path: resolve(ctx.cwd, flag), source: 'flag', shown: flag, label: flag, field: '--catalog' };
  }
  const envValue = ctx.env.PROSPECTOR_CATALOG;
  if (envValue) {
    return { path: resolve(ctx.cwd, envValue), source: 'env', shown: envValue, label: `PROSPECTOR_CATALOG=${envValue}`, field: 'PROSPECTOR_CATALOG' };
  }
  if (scenario.catalog !== undefined) {
    const path = resolve(ctx.cwd, scenario.catalog);
    const shown = shownOf(path);
    const file = scenario.source ?? 'scenario';
    return { path, source: 'scenario', shown, label: `${file}: target.catalog: ${shown}`, field: 'target.catalog', file };
  }
  const fromConfig = (path: string, source: SettingSource, file: string): CatalogSetting => {
    const shown = shownOf(path);
    return { path, source, shown, label: `${file}: catalog: ${shown}`, field: 'catalog', file };
  };
  if (layers.project?.catalog) return fromConfig(layers.project.catalog, 'project config', 'prospector.config.json');
  if (layers.user?.catalog) return fromConfig(layers.user.catalog, 'user config', layers.userShown ?? 'user config');
  return { source: 'default', label: 'the bundled catalog' };
}

/**
 * A catalog loading error as the user should read it: the loader names the file as it was given
 * (`shownAs`, by default the setting's `shown`); the message then names where the setting came
 * from (`PROSPECTOR_CATALOG=/nonexist: no such file`), and the --json envelope gets its field and file.
 */
export function catalogError(err: unknown, setting: CatalogSetting, shownAs: string | undefined = setting.shown): unknown {
  if (!(err instanceof ProspectorError) || err.code !== 'INVALID_INPUT' || shownAs === undefined) return err;
  if (!err.message.startsWith(`${shownAs}:`)) return err;
  const e = new InputError(setting.label + err.message.slice(shownAs.length), setting.field);
  if (setting.file) e.file = setting.file;
  return e;
}

export interface OpenedCatalog {
  load: CatalogLoad & { source: string };
  setting: CatalogSetting;
  /** The asteroid a designation, number or name names; not found names a catalog the user did not type. */
  find: (query: string) => Asteroid;
}

/**
 * Opens the catalog a command should use (`--catalog`, environment, config files or bundled; see
 * `resolveCatalog`), with its errors named after the setting, and prints the loader's row
 * problems as one warning line on stderr.
 */
export async function openCatalogFor(ctx: Pick<CliContext, 'env' | 'cwd' | 'stderr' | 'colorErr'>, flag: string | undefined): Promise<OpenedCatalog> {
  const setting = resolveCatalog(flag, ctx);
  const { openCatalog, summarizeDiagnostics, findAsteroid } = await import('../src/catalog/index.js');
  let load: CatalogLoad & { source: string };
  try {
    load = openCatalog(setting.shown, { cwd: ctx.cwd });
  } catch (err) {
    throw catalogError(err, setting);
  }
  const diag = summarizeDiagnostics(load);
  if (diag) {
    const { makeStyle } = await import('./format/style.js');
    ctx.stderr.write(`${makeStyle(ctx.colorErr).yellow('warning')}: ${setting.path ? setting.label : load.source}: ${diag}\n`);
  }
  const find = (query: string): Asteroid => {
    try {
      return findAsteroid(load.view, query);
    } catch (err) {
      // A catalog set in the environment or a config file is easy to forget: say which one was searched.
      if (err instanceof NotFoundError && (setting.source === 'env' || setting.source === 'project config' || setting.source === 'user config')) {
        const hint = / \(try .*\)$/.exec(err.message);
        const base = hint ? err.message.slice(0, hint.index) : err.message;
        throw new NotFoundError(`${base} ${setting.label}${hint ? hint[0] : ''}`, err.field);
      }
      throw err;
    }
  };
  return { load, setting, find };
}

/** Export settings: --format / --bom > PROSPECTOR_EXPORT_FORMAT / PROSPECTOR_CSV_BOM > project > user config. */
export function resolveExportSettings(flags: { format?: string; bom?: boolean }, ctx: Pick<CliContext, 'env' | 'cwd'>): { format: ExportFormat | undefined; bom: boolean } {
  const { project, user } = readConfigLayers(ctx);
  const env = ctx.env;
  const choice = (text: string, what: string): ExportFormat => {
    const t = text.trim().toLowerCase();
    if (!(EXPORT_FORMATS as readonly string[]).includes(t)) {
      const near = closest(t, EXPORT_FORMATS);
      throw new InputError(`${what}: expected one of ${EXPORT_FORMATS.join(', ')}, got "${text}"${near ? ` (did you mean "${near}"?)` : ''}`, what);
    }
    return t as ExportFormat;
  };
  const flagFormat = flags.format !== undefined ? choice(flags.format, '--format') : undefined;
  const envFormat = env.PROSPECTOR_EXPORT_FORMAT ? choice(env.PROSPECTOR_EXPORT_FORMAT, 'PROSPECTOR_EXPORT_FORMAT') : undefined;
  const [format] = pick<ExportFormat | undefined>([[flagFormat, 'flag'], [envFormat, 'env'], [project?.exportFormat, 'project config'], [user?.exportFormat, 'user config']], undefined);
  let envBom: boolean | undefined;
  const eb = env.PROSPECTOR_CSV_BOM;
  if (eb !== undefined && eb !== '') {
    if (/^(1|true|yes)$/i.test(eb)) envBom = true;
    else if (/^(0|false|no)$/i.test(eb)) envBom = false;
    else throw new InputError(`PROSPECTOR_CSV_BOM: expected 1/true/yes or 0/false/no, got "${eb}"`, 'PROSPECTOR_CSV_BOM');
  }
  const [bom] = pick<boolean>([[flags.bom ? true : undefined, 'flag'], [envBom, 'env'], [project?.csvBom, 'project config'], [user?.csvBom, 'user config']], false);
  return { format, bom };
}

/** `--catalog` in the --help of the commands without a scenario. */
export const CATALOG_FLAG_HELP =
  'asteroid catalog (MPC NEA.txt/MPCORB.DAT, nea_extended.json[.gz], SBDB CSV); default: PROSPECTOR_CATALOG, else the catalog of ./prospector.config.json or the user config, else the bundled one';

/** The precedence text every planning command prints in --help (and the README repeats). */
export const SETTINGS_HELP = `Settings, highest first:
  samples, seed  --samples/--seed, PROSPECTOR_SAMPLES/PROSPECTOR_SEED,
                 ./prospector.config.json, the user config, the scenario's
                 uncertainty.samples/seed, then 1000 samples and seed 1
  catalog        --catalog, PROSPECTOR_CATALOG, the scenario's target.catalog,
                 ./prospector.config.json, the user config, then the bundled one
User config: $XDG_CONFIG_HOME/prospector/config.json, else
~/.config/prospector/config.json. Config files are JSON with any of samples,
seed, catalog (relative to the file), exportFormat (csv|json|svg) and csvBom
(true|false), e.g. {"samples": 200, "seed": 7}. Each plan records the samples
and seed it used.`;
