// Mounts the planning session. Loaded lazily (ink costs ~0.6 s to import), only when stdin and
// stdout are terminals and CI is unset (cli/main.ts decides).
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';

export interface TuiOptions {
  scenarioPath?: string;
}

export async function runTui(ctx: CliContext, opts: TuiOptions): Promise<number> {
  const [{ render }, React, { App }, { loadModule }] = await Promise.all([import('ink'), import('react'), import('./app.js'), import('./engine.js')]);
  let code: number = EXIT.OK;
  let instance: ReturnType<typeof render> | undefined;
  const onExit = (c: number) => {
    code = c;
    instance?.unmount();
  };
  const stdout = ctx.stdout as NodeJS.WriteStream;
  instance = render(
    React.createElement(App, { engine: loadModule, cwd: ctx.cwd, color: ctx.color, scenarioPath: opts.scenarioPath, onExit }),
    // Ctrl+C is ours (exit 130): with exitOnCtrlC ink would exit 0. incrementalRendering stays off:
    // in ink 6.8 it left stale lines on screen in the tmux smoke run (status and key lines).
    { exitOnCtrlC: false, stdout, patchConsole: true, maxFps: 30 },
  );
  try {
    await instance.waitUntilExit();
  } catch (err) {
    ctx.stderr.write(`prospector: ${(err as Error).message}\n`);
    return EXIT.FAILURE;
  } finally {
    // ink restores raw mode and the cursor on unmount; make sure stdin and the planner's worker
    // no longer hold the event loop.
    process.stdin.pause();
    const { stopPlanWorker } = await import('./plan-runner.js');
    await stopPlanWorker();
  }
  return code;
}
