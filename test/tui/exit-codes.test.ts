// The real process in a real terminal: `prospector` under tmux (a pseudo-terminal on both ends,
// CI unset) mounts the TUI; q exits with status 0 and Ctrl+C with 130, and the terminal modes
// are restored either way. node-pty is not installed here, so tmux provides the terminal; without
// tmux these tests are skipped with a notice. A private tmux server (-L) keeps them apart from
// any other tmux session on the machine.
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_ENV, hasTmux, PROSPECTOR_FROM_SOURCE, tmuxServer } from '../helpers/tmux.js';

if (!hasTmux) console.warn('test/tui/exit-codes: tmux is not installed, so the spawned exit-code tests are skipped');
const { tmux, until, start: startCmd, dispose } = tmuxServer('prospector-vitest');

/** Starts `prospector` (from source) in an 80×24 tmux window; the shell reports the exit status and whether stty modes came back. */
function start(name: string): void {
  startCmd(name, `S0=$(stty -g) && ${CLEAN_ENV} ${PROSPECTOR_FROM_SOURCE}; echo "EXIT=$?"; [ "$(stty -g)" = "$S0" ] && echo TTY_RESTORED || echo TTY_NOT_RESTORED; sleep 60`);
}

afterAll(() => {
  if (hasTmux) dispose();
});

describe.skipIf(!hasTmux)('prospector in a terminal (tmux): exit codes', { timeout: 150_000 }, () => {
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
