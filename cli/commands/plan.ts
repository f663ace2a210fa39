// `prospector plan <scenario>`: the whole chain for one scenario, as a text report or the Plan JSON.
import type { Command } from 'commander';
import { isAbsolute, resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { todayIso, type CliContext } from '../context.js';
import { SETTINGS_HELP, type SettingFlags, type Settings } from '../config.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Plan } from '../../src/scenario/plan-types.js';

export interface PlanFlags extends SettingFlags {
  json?: boolean;
  csv?: boolean;
}

/** Adds the settings flags every planning command shares. */
export function withPlanFlags(cmd: Command): Command {
  return cmd
    .option('--samples <n>', 'Monte Carlo samples, 0 = base case only (default: PROSPECTOR_SAMPLES, config files, the scenario, 1000)')
    .option('--seed <s>', 'PRNG seed, 0–4294967295; same seed → same numbers (default: PROSPECTOR_SEED, config files, the scenario, 1)')
    .option('--catalog <file>', 'catalog file overriding the scenario (MPC NEA.txt/MPCORB.DAT, nea_extended.json(.gz), SBDB CSV)')
    .addHelpText('after', `${SETTINGS_HELP}\n`);
}

/** The scenario's own settings (loadScenario already resolved its catalog against the file's directory). */
export function scenarioSettings(sc: Scenario, cwd: string): { samples?: number; seed?: number; catalog?: string; source?: string } {
  const cat = sc.target.catalog;
  return {
    samples: sc.uncertainty.samples,
    seed: sc.uncertainty.seed,
    catalog: cat === undefined ? undefined : resolve(cwd, cat),
    source: sc.source,
  };
}

/** Loads a scenario file (path relative to the context's cwd, reported as the user typed it). */
export async function loadScenarioFor(ctx: CliContext, file: string): Promise<Scenario> {
  const { loadScenario } = await import('../../src/scenario/load.js');
  return loadScenario(isAbsolute(file) ? file : resolve(ctx.cwd, file), { source: file });
}

export async function planScenario(ctx: CliContext, sc: Scenario, flags: SettingFlags): Promise<{ plan: Plan; settings: Settings }> {
  const { resolveSettings, catalogError } = await import('../config.js');
  const settings = resolveSettings(flags, ctx, scenarioSettings(sc, ctx.cwd));
  const today = todayIso(ctx);
  const { plan } = await import('../../src/scenario/plan.js');
  const showProgress = ctx.stderr.isTTY === true && settings.samples >= 2000;
  try {
    const result = await plan(sc, {
      samples: settings.samples,
      seed: settings.seed,
      catalog: settings.catalog,
      signal: ctx.signal,
      today,
      onProgress: showProgress ? (done, total) => ctx.stderr.write(`\rsampling ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
    });
    return { plan: result, settings };
  } catch (err) {
    // The loader names the catalog by its absolute path: say which setting named it.
    throw catalogError(err, settings.catalogSetting, settings.catalog);
  }
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('plan')
    .description('plan a mission end to end: target, trip, spacecraft, yield, capsules, delivered mass, supply, economics')
    .argument('<scenario>', 'scenario file (YAML or JSON; `prospector init` writes a starter)')
    .addHelpText(
      'after',
      `
Examples:
  $ prospector plan examples/metal-pgm-earth.yaml
  $ prospector plan examples/water-orbit-ctype.yaml --samples 5000 --seed 7
  $ prospector plan my.yaml --samples 0 --json | jq .result.delivered
`,
    );
  withPlanFlags(cmd);
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (file: string, opts: PlanFlags) => {
    setExit(
      await runOutput(ctx, opts, async () => {
        const sc = await loadScenarioFor(ctx, file);
        const { plan } = await planScenario(ctx, sc, opts);
        const { renderPlanReport } = await import('../format/plan-report.js');
        return { result: plan, text: (p, style) => renderPlanReport(p, style) };
      }),
    );
  });
};
