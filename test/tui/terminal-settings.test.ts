// The real process in a real terminal (tmux, as in exit-codes.test.ts): the settings the command
// layer resolves reach the mounted session. PROSPECTOR_CATALOG or --catalog is the table the
// Targets view lists and names; PROSPECTOR_TODAY starts the default launch window; a catalog
// setting that cannot be read is one line and exit 2 before anything is drawn. Skipped without tmux.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_ENV, hasTmux, PROSPECTOR_FROM_SOURCE, ROOT, tmuxServer } from '../helpers/tmux.js';

const TINY = fileURLToPath(new URL('./fixtures/tiny-catalog.csv', import.meta.url));
if (!hasTmux) console.warn('test/tui/terminal-settings: tmux is not installed, so these spawned tests are skipped');
const { tmux, until, start: startCmd, dispose } = tmuxServer('prospector-vitest-settings');

/** Starts `prospector ARGS` (from source) with `env` in an 80×24 tmux window; the shell then reports the exit status. */
function start(name: string, args: string, env: string): void {
  startCmd(name, `${CLEAN_ENV} ${env} ${PROSPECTOR_FROM_SOURCE} ${args}; echo "EXIT=$?"; sleep 60`);
}

afterAll(() => {
  if (hasTmux) dispose();
});

describe.skipIf(!hasTmux)('prospector tui in a terminal (tmux): the command-line settings reach the session', { timeout: 150_000 }, () => {
  it('PROSPECTOR_CATALOG is the table listed and named; PROSPECTOR_TODAY starts the default launch window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-term-'));
    // The bundled example with a target only the fixture catalog has, and no launch window.
    const yaml = readFileSync(join(ROOT, 'examples/metal-pgm-earth.yaml'), 'utf8')
      .replace('designation: "1997 XR2"', 'designation: "2099 TU3"')
      .replace(/^ {2}launch: .*\n/m, '');
    writeFileSync(join(dir, 'tiny.yaml'), yaml);
    start('cat', `tui '${join(dir, 'tiny.yaml')}'`, `PROSPECTOR_CATALOG='${TINY}' PROSPECTOR_TODAY=2031-02-03`);
    // Both the table and the scenario's target line: ink may draw them in separate frames.
    const screen = await until('cat', /^(?=[\s\S]*catalog: tiny-catalog\.csv)(?=[\s\S]*target 2099 TU3)/, 60_000);
    expect(screen).toMatch(/ {2}catalog: tiny-catalog\.csv {2}3\/3 *$/m);
    expect(screen).toContain('Tinyone');
    expect(screen).toContain('target 2099 TU3');
    tmux('send-keys', '-t', 'cat', '2');
    await until('cat', /launch 2031-02-03\.\.2045-12-31/, 60_000);
    tmux('send-keys', '-t', 'cat', 'q');
    expect(await until('cat', /EXIT=\d+/, 20_000)).toContain('EXIT=0');
  });

  it('--catalog naming no file: one line naming it and exit 2, no screen', async () => {
    start('bad', 'tui --catalog /nonexistent', '');
    const screen = await until('bad', /EXIT=\d+/, 60_000);
    expect(screen).toContain('EXIT=2');
    expect(screen.trim().split('\n')).toEqual(['prospector: /nonexistent: no such file', 'EXIT=2']);
  });
});
