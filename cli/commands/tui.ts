// `prospector tui [scenario]`: the interactive planning session (also what `prospector` with no
// command opens on a terminal).
import type { RegisterCommand } from '../command.js';
import { reportError } from '../command.js';
import { interactive, type CliContext } from '../context.js';
import { UsageError } from '../exit.js';
import { ProspectorError } from '../../src/errors.js';

export const register: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('tui')
    .argument('[scenario]', 'scenario file to open (YAML or JSON); default: the bundled example')
    .description('interactive planning session: targets, porkchops, mission, supply, compare')
    .addHelpText(
      'after',
      '\nNeeds a terminal on stdin and stdout, and CI unset; elsewhere use `prospector plan`.\n\nExamples:\n  $ prospector tui\n  $ prospector tui examples/metal-pgm-earth.yaml\n',
    )
    .action(async (scenario: string | undefined) => {
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
      if (scenario !== undefined) {
        // A scenario that `plan` would refuse is refused here too, with the same message and exit 2,
        // before the screen is taken over (not a session opened on a plan that cannot run).
        try {
          await validateScenarioFile(ctx, scenario);
        } catch (err) {
          setExit(reportError(ctx, {}, err));
          return;
        }
      }
      const { runTui } = await import('../tui/run.js');
      setExit(await runTui(ctx, { scenarioPath: scenario }));
    });
};

/**
 * What `plan` checks before it computes anything: the file reads and validates as a scenario
 * (every field, units, distributions), and its target is in the catalog. Throws the same
 * InputError `plan` would. The target is looked up in the bundled catalog (read lazily: ≈0.1 s);
 * a scenario naming its own catalog file leaves that lookup to the session's first plan, which
 * reports it on the status line, so that a large import is not read twice before the first frame.
 */
export async function validateScenarioFile(ctx: CliContext, file: string): Promise<void> {
  const { loadScenarioFor } = await import('./plan.js');
  const sc = await loadScenarioFor(ctx, file);
  // The session edits the raw document; read it the way the session will (same parser, so no surprise later).
  const { resolve } = await import('node:path');
  const { readScenarioFile } = await import('../tui/scenario-doc.js');
  await readScenarioFile(resolve(ctx.cwd, file)).catch((err: Error) => {
    throw new UsageError(err.message, 'scenario');
  });
  if (sc.target.catalog !== undefined) return;
  const { openCatalog, findAsteroid } = await import('../../src/catalog/index.js');
  try {
    findAsteroid(openCatalog().view, sc.target.designation);
  } catch (err) {
    if (!(err instanceof ProspectorError)) throw err;
    // As plan words it: `file: target.designation: asteroid "…" not found …`.
    const { scenarioError } = await import('../../src/scenario/load.js');
    throw scenarioError(`${file}: target.designation: ${(err as Error).message}`, file, 'target.designation');
  }
}
