// `prospector` with no command and no terminal: the plan report of the bundled example scenario.
import type { CliContext } from './context.js';
import { EXIT } from './exit.js';

export async function runDefaultReport(ctx: CliContext): Promise<number> {
  ctx.stdout.write('Prospector: run `prospector --help` for the commands.\n');
  return EXIT.OK;
}
