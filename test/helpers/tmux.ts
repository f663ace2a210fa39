// A private tmux server (-L) for tests that need the real process in a real terminal: node-pty is
// not installed here, so tmux provides the pseudo-terminal. Without tmux, `hasTmux` is false and
// the callers skip with a notice.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** Runs `prospector ARGS` from source with the settings that would change what it mounts removed. */
export const CLEAN_ENV = 'env -u CI -u FORCE_COLOR -u NO_COLOR -u VITEST -u VITEST_WORKER_ID -u VITEST_POOL_ID -u PROSPECTOR_CATALOG -u PROSPECTOR_TODAY PROSPECTOR_SAMPLES=20';
export const PROSPECTOR_FROM_SOURCE = `'${process.execPath}' --import tsx cli/bin.ts`;

export interface TmuxServer {
  tmux: (...args: string[]) => string;
  capture: (session: string) => string;
  /** The screen once `pattern` appears on it; throws with the screen after `timeoutMs`. */
  until: (session: string, pattern: RegExp, timeoutMs: number) => Promise<string>;
  /** A detached 80×24 session running the shell command `cmd` from the repository root. */
  start: (session: string, cmd: string) => void;
  dispose: () => void;
}

export function tmuxServer(name: string): TmuxServer {
  const socket = `${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const capture = (s: string) => {
    try {
      return tmux('capture-pane', '-p', '-t', s);
    } catch {
      return '';
    }
  };
  return {
    tmux,
    capture,
    async until(s, pattern, timeoutMs) {
      const t0 = Date.now();
      let screen = capture(s);
      while (!pattern.test(screen)) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${pattern} in tmux; screen:\n${screen}`);
        await new Promise((r) => setTimeout(r, 100));
        screen = capture(s);
      }
      return screen;
    },
    start(s, cmd) {
      tmux('new-session', '-d', '-s', s, '-x', '80', '-y', '24', `cd '${ROOT}' && ${cmd}`);
    },
    dispose() {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      // The private server's socket file, if the server left it behind.
      rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true });
    },
  };
}
