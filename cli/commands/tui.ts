// `prospector tui [scenario]`: the interactive planning session (also what `prospector` with no
// command opens on a terminal).
import type { RegisterCommand } from '../command.js';
import { reportError } from '../command.js';
import { interactive } from '../context.js';
import { UsageError } from '../exit.js';

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
        // A scenario that cannot be read is a usage error here, before the screen is taken over.
        const { resolve } = await import('node:path');
        const { readScenarioFile } = await import('../tui/scenario-doc.js');
        try {
          await readScenarioFile(resolve(ctx.cwd, scenario));
        } catch (err) {
          setExit(reportError(ctx, {}, new UsageError((err as Error).message, 'scenario')));
          return;
        }
      }
      const { runTui } = await import('../tui/run.js');
      setExit(await runTui(ctx, { scenarioPath: scenario }));
    });
};
