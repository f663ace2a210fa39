#!/usr/bin/env node
// Tiny entry: decide colour before chalk/ink can load (they read the environment at import),
// then hand over to the program.
const argv = process.argv.slice(2);
const noColorEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
if (argv.includes('--no-color') || argv.includes('--json') || noColorEnv || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}
if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';

const { main } = await import('./main.js');
const code = await main(argv);
// Flush before leaving: stdout may be a pipe that has not drained.
process.exitCode = code;
if (process.stdout.writableNeedDrain) {
  process.stdout.once('drain', () => process.exit(code));
} else {
  process.exit(code);
}
