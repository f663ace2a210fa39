// The session's asteroid catalog, resolved and opened on the command side (cli/commands/tui.ts,
// run.tsx) exactly as every other command does it (`resolveCatalog` in cli/config.ts: --catalog >
// PROSPECTOR_CATALOG > the scenario's target.catalog > project config > user config > bundled),
// so that a bad setting is one stderr line and exit 2 before anything is drawn. The screens get
// the result as a prop (`TuiCatalog`); nothing under cli/tui reads the environment for it.
import { basename } from 'node:path';
import { catalogError, resolveCatalog, type CatalogSetting } from '../config.js';
import type { CliContext } from '../context.js';
import type { Asteroid, TuiCatalog } from './types.js';

export type { TuiCatalog };

/** What the command layer knows of the scenario named on the command line (already validated). */
export interface TuiScenarioSettings {
  /** How messages name the scenario file (as typed). */
  source: string;
  /** Its target, checked against the catalog before the session opens (as `plan` would). */
  designation: string;
  /** Its own `target.catalog`, absolute. */
  catalog?: string;
}

/** The catalog setting of a session: the flag, the environment, the scenario, the config files, else bundled. */
export function resolveTuiCatalog(ctx: Pick<CliContext, 'env' | 'cwd'>, flag: string | undefined, scenario?: TuiScenarioSettings): CatalogSetting {
  return resolveCatalog(flag, ctx, scenario ? { catalog: scenario.catalog, source: scenario.source } : {});
}

/** How the screens name the catalog: "bundled", or the file's name. */
export function catalogName(setting: CatalogSetting): string {
  return setting.path === undefined ? 'bundled' : basename(setting.shown ?? setting.path);
}

export interface OpenedTuiCatalog {
  catalog: TuiCatalog;
  /** Looks a designation, number or name up (throws the catalog module's NotFoundError). */
  find(query: string): unknown;
}

/**
 * Opens the catalog a setting names (throws an InputError naming the setting, as the other
 * commands do). The entries themselves are built on first use, after the session's first frame.
 */
export async function openTuiCatalog(ctx: Pick<CliContext, 'cwd'>, setting: CatalogSetting): Promise<OpenedTuiCatalog> {
  const { openCatalog, summarizeDiagnostics, findAsteroid } = await import('../../src/catalog/index.js');
  let load: ReturnType<typeof openCatalog>;
  try {
    load = openCatalog(setting.shown, { cwd: ctx.cwd });
  } catch (err) {
    throw catalogError(err, setting);
  }
  const view = load.view;
  let all: Asteroid[] | undefined;
  const catalog: TuiCatalog = {
    name: catalogName(setting),
    label: setting.label,
    source: setting.source,
    path: setting.path,
    count: view.count,
    diagnostics: summarizeDiagnostics(load) ?? undefined,
    asteroids: () => (all ??= load.asteroids),
  };
  return { catalog, find: (query) => findAsteroid(view, query) };
}

/**
 * The scenario's target must be in the session's catalog, as `plan` requires: otherwise the
 * error `plan` gives (`a.yaml: target.designation: asteroid "…" not found in the catalog …`).
 */
export async function checkScenarioTarget(opened: OpenedTuiCatalog, scenario: TuiScenarioSettings): Promise<void> {
  const { ProspectorError } = await import('../../src/errors.js');
  try {
    opened.find(scenario.designation);
  } catch (err) {
    if (!(err instanceof ProspectorError)) throw err;
    const { scenarioError } = await import('../../src/scenario/load.js');
    let message = err.message;
    // As `openCatalogFor` says it: a catalog set in the environment or a config file is easy to
    // forget, so the message names the one searched (the flag was just typed; target.catalog is
    // the scenario's own line).
    const { source, label } = opened.catalog;
    if (source === 'env' || source === 'project config' || source === 'user config') {
      const hint = / \(try .*\)$/.exec(message);
      message = hint ? `${message.slice(0, hint.index)} ${label}${hint[0]}` : `${message} ${label}`;
    }
    throw scenarioError(`${scenario.source}: target.designation: ${message}`, scenario.source, 'target.designation');
  }
}
