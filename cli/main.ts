// The commander program: global flags, the command registry, usage errors remapped to exit 2,
// and the no-command default (TUI on a terminal, the plan report otherwise).
import { Command, CommanderError } from 'commander';
import { defaultContext, interactive, type CliContext } from './context.js';
import { EXIT } from './exit.js';
import { reportError } from './command.js';
import { jsonError } from './format/json.js';
import { commands } from './commands/index.js';
import { packageVersion } from '../src/paths.js';


export const HELP_EXAMPLES = `
Examples:
  $ prospector targets --max-dv 5 --limit 10          rank the bundled NEA catalog by delta-v
  $ prospector target Bennu --json | jq .result.dvKmS  one asteroid, as JSON
  $ prospector porkchop "1999 AO10" --launch 2025-01-01..2027-01-01 --tof 60..400 --svg p.svg
  $ prospector trip "2000 SG344" --max-days 450        NHATS-style round trip
  $ prospector lambert --r1 1,0,0 --r2 0,1,0 --tof 2.356 --mu 1
  $ prospector reentry --mass 45.8 --diameter 0.811 --nose-radius 0.2202 --cd 1.5 --speed 12.9 --fpa -8.2
  $ prospector plan examples/metal-pgm-earth.yaml --samples 1000 --seed 42
  $ prospector export examples/metal-pgm-earth.yaml --format csv -o yield.csv

Exit codes: 0 ok, 1 runtime failure, 2 usage or input error, 3 no feasible solution,
130 interrupted. Colour follows NO_COLOR, --no-color and FORCE_COLOR.
`;

/**
 * `onUsageError` receives commander's own usage messages (unknown option, missing value, too many
 * arguments); by default they are printed as one stderr line. `main` takes them over to name the
 * flag and to add the --json envelope.
 */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void, onUsageError?: (text: string) => void): Command {
  const program = new Command();
  program
    .name('prospector')
    .description('Plan asteroid-mining missions and follow their metal into the supply chain.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--no-color', 'no ANSI colour (also NO_COLOR=1)')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', HELP_EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      // commander's own usage errors: one line, then where to look.
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => (onUsageError ? onUsageError(s) : write(s.replace(/^error: /, 'prospector: ').replace(/\s*\n\s*/g, ' ').trimEnd() + ' (see --help)\n')),
    });
  for (const register of commands) register(program, ctx, setExit);
  return program;
}

export async function main(argv: string[], ctxIn?: CliContext): Promise<number> {
  const controller = new AbortController();
  const ctx = ctxIn ?? defaultContext(argv, controller.signal);
  let sigints = 0;
  const onSigint = () => {
    sigints += 1;
    if (sigints > 1) process.exit(EXIT.INTERRUPTED);
    ctx.stderr.write('\nprospector: interrupted, stopping (Ctrl+C again to quit at once)\n');
    controller.abort();
  };
  if (!ctxIn) process.on('SIGINT', onSigint);

  let exitCode: number = EXIT.OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  let usageText = '';
  const program = buildProgram(ctx, setExit, (text) => {
    usageText += text;
  });

  if (argv.filter((a) => a !== '--no-color').length === 0) {
    return runDefault(ctx);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      // One stderr line naming the flag; with --json also the error envelope on stdout (nothing
      // else has been written there: commander stops before any action runs).
      const { usageProblem } = await import('./usage.js');
      const p = usageProblem(program, argv, err, usageText);
      if (argv.includes('--json')) ctx.stdout.write(jsonError('USAGE', p.message, p.field ? { field: p.field } : undefined));
      ctx.stderr.write(`prospector: ${p.message} (see ${helpFor(program, argv)})\n`);
      return EXIT.USAGE;
    }
    return reportError(ctx, { json: argv.includes('--json') }, err);
  } finally {
    if (!ctxIn) process.off('SIGINT', onSigint);
  }
  if (controller.signal.aborted && exitCode === EXIT.OK) return EXIT.INTERRUPTED;
  return exitCode;
}

/** "prospector lambert --help" when the command is known, else "prospector --help". */
function helpFor(program: Command, argv: readonly string[]): string {
  const name = argv.find((a) => !a.startsWith('-'));
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
  return cmd ? `prospector ${cmd.name()} --help` : 'prospector --help';
}

/** No command: the TUI on an interactive terminal, otherwise the plan report of the bundled example. */
async function runDefault(ctx: CliContext): Promise<number> {
  if (interactive(ctx)) {
    const { runTui } = await import('./tui/run.js');
    return runTui(ctx, {});
  }
  const { runDefaultReport } = await import('./default-report.js');
  return runDefaultReport(ctx);
}
