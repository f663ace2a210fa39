#!/usr/bin/env node
// Tiny entry: decide colour before chalk/ink can load (they read the environment at import),
// then hand over to the program.
const argv = process.argv.slice(2);
const noColorEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
if (argv.includes('--no-color') || argv.includes('--json') || noColorEnv || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}
if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';

// The reader went away (`prospector targets | head -2`): stop quietly with 0 as other Unix tools
// do, instead of an unhandled 'error' event and its stack trace. Any other stdout failure (a full
// disk, a closed terminal) is one line on stderr and exit 1. A broken stderr is ignored: there is
// nowhere left to report it, and the command's own exit code still tells.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`prospector: cannot write to stdout: ${err.message}\n`);
  process.exit(1);
});
process.stderr.on('error', () => {});

const { main } = await import('./main.js');
const code = await main(argv);
// Flush before leaving: stdout may be a pipe that has not drained.
process.exitCode = code;
// A failed write reports itself a tick later ('error' via nextTick): give it that turn first.
await new Promise((resolve) => setImmediate(resolve));
if (process.stdout.writableNeedDrain) {
  process.stdout.once('drain', () => process.exit(code));
} else {
  process.exit(code);
}
