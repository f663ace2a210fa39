/**
 * Settings precedence for the planning commands, highest first:
 *   1. flags (--samples, --seed, --catalog)
 *   2. PROSPECTOR_* environment (PROSPECTOR_SAMPLES, PROSPECTOR_SEED, PROSPECTOR_CATALOG)
 *   3. the scenario file's own `uncertainty.samples/seed` and `target.catalog`
 *   4. ./prospector.config.json (project)
 *   5. $XDG_CONFIG_HOME/prospector/config.json, else ~/.config/prospector/config.json (user)
 *   6. built-in defaults (1000 samples, seed 1, the bundled catalog)
 * The scenario sits below flags and environment (a one-off override must win) and above the
 * config files (a scenario that fixes its seed means it). Config files are validated with zod:
 * errors name the file and the field; relative paths resolve against the file's directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../src/errors.js';
import type { CliContext } from './context.js';

export const DEFAULT_SAMPLES = 1000;
export const DEFAULT_SEED = 1;

const configSchema = z.strictObject({
  samples: z.number().int().min(0).max(1_000_000).optional(),
  seed: z.number().int().min(0).max(4294967295).optional(),
  catalog: z.string().min(1).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
export type SettingSource = 'flag' | 'env' | 'scenario' | 'project config' | 'user config' | 'default';

export interface Settings {
  samples: number;
  seed: number;
  /** Absolute catalog path, or undefined for the bundled catalog. */
  catalog?: string;
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

function readConfig(path: string): ConfigFile | null {
  if (!existsSync(path)) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`${path}: invalid JSON (${(err as Error).message})`, path);
  }
  const r = configSchema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0];
    const field = i.path.join('.');
    const msg = i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')} (known: samples, seed, catalog)` : i.message;
    throw new InputError(`${path}: ${field ? field + ': ' : ''}${msg}`, path);
  }
  const c = { ...r.data };
  if (c.catalog && !isAbsolute(c.catalog)) c.catalog = resolve(dirname(path), c.catalog);
  return c;
}

function intFrom(text: string, what: string, min: number, max: number): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${what}: expected a whole number ${min}–${max}, got "${text}"`, what);
  return n;
}

/**
 * Resolves samples, seed and catalog. `scenario` holds the scenario file's own values (catalog
 * already resolved against the scenario file's directory).
 */
export function resolveSettings(flags: SettingFlags, ctx: Pick<CliContext, 'env' | 'cwd'>, scenario: { samples?: number; seed?: number; catalog?: string } = {}): Settings {
  const project = readConfig(join(ctx.cwd, 'prospector.config.json'));
  const userPath = userConfigPath(ctx.env);
  const user = userPath ? readConfig(userPath) : null;
  const env = ctx.env;

  const pick = <T>(layers: Array<[T | undefined, SettingSource]>, def: T): [T, SettingSource] => {
    for (const [v, s] of layers) if (v !== undefined) return [v, s];
    return [def, 'default'];
  };
  const num = (flag: string | undefined, flagName: string, envName: string, min: number, max: number) => ({
    flag: flag !== undefined ? intFrom(flag, flagName, min, max) : undefined,
    env: env[envName] !== undefined && env[envName] !== '' ? intFrom(env[envName]!, envName, min, max) : undefined,
  });
  const s = num(flags.samples, '--samples', 'PROSPECTOR_SAMPLES', 0, 1_000_000);
  const d = num(flags.seed, '--seed', 'PROSPECTOR_SEED', 0, 4294967295);
  const [samples, samplesSrc] = pick<number>(
    [[s.flag, 'flag'], [s.env, 'env'], [scenario.samples, 'scenario'], [project?.samples, 'project config'], [user?.samples, 'user config']],
    DEFAULT_SAMPLES,
  );
  const [seed, seedSrc] = pick<number>(
    [[d.flag, 'flag'], [d.env, 'env'], [scenario.seed, 'scenario'], [project?.seed, 'project config'], [user?.seed, 'user config']],
    DEFAULT_SEED,
  );
  const envCatalog = env.PROSPECTOR_CATALOG ? resolve(ctx.cwd, env.PROSPECTOR_CATALOG) : undefined;
  const flagCatalog = flags.catalog !== undefined ? resolve(ctx.cwd, flags.catalog) : undefined;
  const [catalog, catalogSrc] = pick<string | undefined>(
    [[flagCatalog, 'flag'], [envCatalog, 'env'], [scenario.catalog, 'scenario'], [project?.catalog, 'project config'], [user?.catalog, 'user config']],
    undefined,
  );
  return { samples, seed, catalog, sources: { samples: samplesSrc, seed: seedSrc, catalog: catalogSrc } };
}
