// The real process in a real terminal (tmux, as in exit-codes.test.ts): the settings the command
// layer resolves reach the mounted session. PROSPECTOR_CATALOG or --catalog is the table the
// Targets view lists and names; PROSPECTOR_TODAY starts the default launch window; a catalog
// setting that cannot be read is one line and exit 2 before anything is drawn. Skipped without tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TINY = fileURLToPath(new URL('./fixtures/tiny-catalog.csv', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('test/tui/terminal-settings: tmux is not installed, so these spawned tests are skipped');
const SOCKET = `prospector-vitest-settings-${process.pid}`;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const capture = (s: string) => {
  try {
    return tmux('capture-pane', '-p', '-t', s);
  } catch {
    return '';
  }
};

async function until(s: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const t0 = Date.now();
  let screen = capture(s);
  while (!pattern.test(screen)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${pattern} in tmux; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
    screen = capture(s);
  }
  return screen;
}

/** Starts `prospector ARGS` (from source) with `env` in an 80×24 tmux window; the shell then reports the exit status. */
function start(name: string, args: string, env: string): void {
  const clean = 'env -u CI -u FORCE_COLOR -u NO_COLOR -u VITEST -u VITEST_WORKER_ID -u VITEST_POOL_ID -u PROSPECTOR_CATALOG -u PROSPECTOR_TODAY PROSPECTOR_SAMPLES=20';
  const cmd = `cd '${ROOT}' && ${clean} ${env} '${process.execPath}' --import tsx cli/bin.ts ${args}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', cmd);
}

afterAll(() => {
  if (!hasTmux) return;
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
});

describe.skipIf(!hasTmux)('prospector tui in a terminal (tmux): the command-line settings reach the session', () => {
  it('PROSPECTOR_CATALOG is the table listed and named; PROSPECTOR_TODAY starts the default launch window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-term-'));
    // The bundled example with a target only the fixture catalog has, and no launch window.
    const yaml = readFileSync(join(ROOT, 'examples/metal-pgm-earth.yaml'), 'utf8')
      .replace('designation: "1997 XR2"', 'designation: "2099 TU3"')
      .replace(/^ {2}launch: .*\n/m, '');
    writeFileSync(join(dir, 'tiny.yaml'), yaml);
    start('cat', `tui '${join(dir, 'tiny.yaml')}'`, `PROSPECTOR_CATALOG='${TINY}' PROSPECTOR_TODAY=2031-02-03`);
    const screen = await until('cat', /catalog: tiny-catalog\.csv/, 60_000);
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
