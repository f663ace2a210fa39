// `prospector tui [scenario]`: the interactive planning session (also what `prospector` with no
// command opens on a terminal).
import type { RegisterCommand } from '../command.js';
import { reportError } from '../command.js';
import { interactive, type CliContext } from '../context.js';
import { UsageError } from '../exit.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { TuiScenarioSettings } from '../tui/catalog.js';

/** `--catalog` in `prospector tui --help`. */
const TUI_CATALOG_HELP =
  "asteroid catalog of the session's table and plans (MPC NEA.txt/MPCORB.DAT, nea_extended.json[.gz], SBDB CSV); default: PROSPECTOR_CATALOG, else the scenario's target.catalog, else the catalog of ./prospector.config.json or the user config, else the bundled one";

export const register: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('tui')
    .argument('[scenario]', 'scenario file to open (YAML or JSON); default: the bundled example')
    .description('interactive planning session: targets, porkchops, mission, supply, compare')
    .option('--catalog <file>', TUI_CATALOG_HELP)
    .addHelpText(
      'after',
      '\nNeeds a terminal on stdin and stdout, and CI unset; elsewhere use `prospector plan`.\n' +
        'Samples and seed of the session\'s plans: PROSPECTOR_SAMPLES/PROSPECTOR_SEED, the config files,\n' +
        "the scenario's uncertainty.samples/seed (edits re-plan with at most 200); today's date\n" +
        '(the default launch window, saved-file dates): PROSPECTOR_TODAY, else the clock.\n' +
        '\nExamples:\n  $ prospector tui\n  $ prospector tui examples/metal-pgm-earth.yaml\n  $ prospector tui --catalog NEA.txt\n',
    )
    .action(async (scenario: string | undefined, flags: { catalog?: string }) => {
      if (!interactive(ctx)) {
        setExit(
          reportError(
            ctx,
            {},
            new UsageError('tui: needs an interactive terminal (stdin and stdout TTYs, CI unset); for scripts use `prospector plan <scenario>`', 'tui'),
          ),
        );
        return;
      }
      let settings: TuiScenarioSettings | undefined;
      if (scenario !== undefined) {
        // A scenario that `plan` would refuse is refused here too, with the same message and exit 2,
        // before the screen is taken over (not a session opened on a plan that cannot run). Its
        // target is looked up in the session's catalog by runTui, once that is resolved and open.
        try {
          const sc = await validateScenarioFile(ctx, scenario);
          const { scenarioSettings } = await import('./plan.js');
          const own = scenarioSettings(sc, ctx.cwd);
          settings = { source: own.source ?? scenario, designation: sc.target.designation, catalog: own.catalog };
        } catch (err) {
          setExit(reportError(ctx, {}, err));
          return;
        }
      }
      const { runTui } = await import('../tui/run.js');
      setExit(await runTui(ctx, { scenarioPath: scenario, catalogFlag: flags.catalog, scenario: settings }));
    });
};

/**
 * What `plan` checks before it computes anything: the file reads and validates as a scenario
 * (every field, units, distributions). Throws the InputError `plan` would. (Whether its target is
 * in the catalog is checked by runTui against the session's catalog: see cli/tui/catalog.ts.)
 */
export async function validateScenarioFile(ctx: CliContext, file: string): Promise<Scenario> {
  const { loadScenarioFor } = await import('./plan.js');
  const sc = await loadScenarioFor(ctx, file);
  // The session edits the raw document; read it the way the session will (same parser, so no surprise later).
  const { resolve } = await import('node:path');
  const { readScenarioFile } = await import('../tui/scenario-doc.js');
  await readScenarioFile(resolve(ctx.cwd, file)).catch((err: Error) => {
    throw new UsageError(err.message, 'scenario');
  });
  return sc;
}
