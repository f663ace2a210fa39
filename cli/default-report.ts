// `prospector` with no command and no terminal: the plan report of the bundled example scenario
// (examples/metal-pgm-earth.yaml, the designated default), with the usual settings precedence.
import { join } from 'node:path';
import type { CliContext } from './context.js';
import { EXIT } from './exit.js';
import { runOutput } from './command.js';

export const DEFAULT_SCENARIO = 'examples/metal-pgm-earth.yaml';

export async function runDefaultReport(ctx: CliContext): Promise<number> {
  return runOutput(ctx, {}, async () => {
    const { packageRoot } = await import('../src/paths.js');
    const { loadScenario } = await import('../src/scenario/load.js');
    const { planScenario } = await import('./commands/plan.js');
    const { renderPlanReport } = await import('./format/plan-report.js');
    const sc = await loadScenario(join(packageRoot(), DEFAULT_SCENARIO), { source: DEFAULT_SCENARIO });
    const { plan } = await planScenario(ctx, sc, {});
    return {
      result: plan,
      text: (p, style) =>
        renderPlanReport(p, style) +
        `\n${style.dim(`This is the bundled example (${DEFAULT_SCENARIO}). Next: \`prospector init\` for your own scenario, \`prospector --help\` for every command.`)}\n`,
    };
  }).then((code) => code ?? EXIT.OK);
}
