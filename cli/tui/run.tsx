// Mounts the planning session. Loaded lazily, only when stdin and stdout are terminals and CI is
// unset (cli/main.ts decides). ink and React cost ~0.5 s to import here, so a start-up frame of
// the shell is drawn first (splash.ts) and replaced by the App's first frame once they are loaded;
// the catalog's entries are then built behind the App's first frame.
//
// What the session needs from the command line and the environment — today's date, the catalog
// setting, the environment the planning settings are read from — is decided here, as every other
// command decides it, and handed to the App as props: nothing under cli/tui reads process.env for it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { todayIso, type CliContext } from '../context.js';
import { reportError } from '../command.js';
import { EXIT } from '../exit.js';
import { checkScenarioTarget, openTuiCatalog, resolveTuiCatalog, type OpenedTuiCatalog, type TuiScenarioSettings } from './catalog.js';

export interface TuiOptions {
  scenarioPath?: string;
  /** `--catalog FILE` as typed (`prospector tui`); the session otherwise uses PROSPECTOR_CATALOG, the scenario's, the config files' or the bundled catalog. */
  catalogFlag?: string;
  /** The scenario named on the command line, already validated by the command: its target is looked up in the session's catalog before the screen is taken over. */
  scenario?: TuiScenarioSettings;
}

const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
// The alternate screen, as full-screen terminal programs use it: the session's frames never land
// in the scrollback, and on exit the screen is as it was before, the shell prompt below it.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export async function runTui(ctx: CliContext, opts: TuiOptions): Promise<number> {
  // A bad PROSPECTOR_TODAY or catalog setting is reported before the screen is taken over, with
  // the line and exit status (2) any other command gives.
  let today: string;
  let setting: ReturnType<typeof resolveTuiCatalog>;
  let opened: OpenedTuiCatalog | undefined;
  try {
    today = todayIso(ctx);
    setting = resolveTuiCatalog(ctx, opts.catalogFlag, opts.scenario);
    // A catalog file is opened now (missing, unreadable, not a catalog: exit 2 naming the setting).
    // The bundled catalog, which no setting can get wrong, opens behind the start-up frame — unless
    // the scenario's target has to be found in it first.
    if (setting.path !== undefined || opts.scenario) {
      opened = await openTuiCatalog(ctx, setting);
      if (opts.scenario) await checkScenarioTarget(opened, opts.scenario);
    }
  } catch (err) {
    return reportError(ctx, {}, err);
  }
  const stdout = ctx.stdout as NodeJS.WriteStream;
  const stdin = process.stdin;
  const dumb = ctx.env.TERM === 'dumb';
  // Without colour (NO_COLOR, --no-color) the screens still need emphasis: bold and inverse are
  // not colour. chalk (inside ink) reads FORCE_COLOR when it is first imported, which is below;
  // level 1 allows SGR attributes, and the App passes no colour when `ctx.color` is off.
  if (!ctx.color && !dumb) process.env.FORCE_COLOR = '1';

  const { splashFrame } = await import('./splash.js');
  const splash = dumb ? null : splashFrame(stdout.columns || 80, stdout.rows || 24, ctx.color, true);
  // Raw mode now: keys typed while the interface loads wait for it instead of echoing on screen.
  const raw = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode(true);
  let alt = false;
  const leaveAlt = () => {
    if (alt) stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    alt = false;
  };
  if (!dumb) {
    stdout.write(ENTER_ALT_SCREEN);
    alt = true;
    // Whatever ends the process (an uncaught error included) gives the terminal its screen back.
    process.once('exit', leaveAlt);
  }
  if (splash) stdout.write(HIDE_CURSOR + splash.text);
  const undoSplash = () => {
    if (splash) stdout.write(`\r${splash.lines > 1 ? `\u001B[${splash.lines - 1}A` : ''}\u001B[J`);
  };

  let loaded: Awaited<ReturnType<typeof importMount>>;
  let catalog: OpenedTuiCatalog;
  try {
    [loaded, catalog] = await Promise.all([importMount(), opened ?? openTuiCatalog(ctx, setting)]);
  } catch (err) {
    undoSplash();
    if (splash) stdout.write(SHOW_CURSOR);
    leaveAlt();
    if (raw) stdin.setRawMode(false);
    ctx.stderr.write(`prospector: cannot start the interactive session: ${(err as Error).message}\n`);
    return EXIT.FAILURE;
  }
  const { render, createElement, App, loadModule, stopPlanWorker } = loaded;
  // Erase the start-up frame; the App's first frame is drawn in its place in the same tick.
  undoSplash();

  let code: number = EXIT.OK;
  let instance: ReturnType<typeof render> | undefined;
  const onExit = (c: number) => {
    code = c;
    instance?.unmount();
  };
  instance = render(
    createElement(App, { engine: loadModule, cwd: ctx.cwd, color: ctx.color, scenarioPath: opts.scenarioPath, today, catalog: catalog.catalog, env: ctx.env, onExit }),
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
    // ink restores raw mode and the cursor on unmount; make sure stdin and the planner's workers
    // no longer hold the event loop.
    if (raw && stdin.isRaw) stdin.setRawMode(false);
    leaveAlt();
    process.off('exit', leaveAlt);
    process.stdin.pause();
    // The mount module's own copy of the plan runner (bundled into mount.bundle.js): the one whose workers ran.
    await stopPlanWorker();
  }
  return code;
}

/** The bundled mount module when the build made one (dist/), else the modules themselves (tsx, tests). */
async function importMount(): Promise<typeof import('./mount.js')> {
  const bundled = new URL('./mount.bundle.js', import.meta.url);
  if (bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled))) {
    return (await import(bundled.href)) as typeof import('./mount.js');
  }
  return import('./mount.js');
}
