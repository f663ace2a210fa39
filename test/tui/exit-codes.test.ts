// The real process in a real terminal: `prospector` under tmux (a pseudo-terminal on both ends,
// CI unset) mounts the TUI; q exits with status 0 and Ctrl+C with 130, and the terminal modes
// are restored either way. node-pty is not installed here, so tmux provides the terminal; without
// tmux these tests are skipped with a notice. A private tmux server (-L) keeps them apart from
// any other tmux session on the machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('test/tui/exit-codes: tmux is not installed, so the spawned exit-code tests are skipped');
const SOCKET = `prospector-vitest-${process.pid}`;

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

/** Starts `prospector` (from source) in an 80×24 tmux window; the shell reports the exit status and whether stty modes came back. */
function start(name: string): void {
  const env = 'env -u CI -u FORCE_COLOR -u NO_COLOR -u VITEST -u VITEST_WORKER_ID -u VITEST_POOL_ID PROSPECTOR_SAMPLES=20';
  const cmd = `cd '${ROOT}' && S0=$(stty -g) && ${env} '${process.execPath}' --import tsx cli/bin.ts; echo "EXIT=$?"; [ "$(stty -g)" = "$S0" ] && echo TTY_RESTORED || echo TTY_NOT_RESTORED; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', cmd);
}

afterAll(() => {
  if (!hasTmux) return;
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  // The private server's socket file, if the server left it behind.
  rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
});

describe.skipIf(!hasTmux)('prospector in a terminal (tmux): exit codes', () => {
  it('q quits with exit status 0 and restores the terminal', async () => {
    start('q');
    await until('q', /1 Targets/, 60_000);
    // Once the interface has mounted (the key line of the Targets view is ink's).
    await until('q', /c\/t\/v filter/, 60_000);
    tmux('send-keys', '-t', 'q', 'q');
    const screen = await until('q', /TTY_(NOT_)?RESTORED/, 20_000);
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('TTY_RESTORED');
  });

  it('Ctrl+C quits with exit status 130 and restores the terminal', async () => {
    start('c');
    await until('c', /c\/t\/v filter/, 60_000);
    tmux('send-keys', '-t', 'c', 'C-c');
    const screen = await until('c', /TTY_(NOT_)?RESTORED/, 20_000);
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('TTY_RESTORED');
  });
});
