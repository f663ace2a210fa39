// `prospector` with no command must never mount ink unless stdin and stdout are terminals and CI
// is unset: it prints the plain report instead, with no escape sequences (DESIGN §4).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = ['--import', 'tsx', 'cli/bin.ts'];
const ESC = '\u001B';

function run(env: Record<string, string | undefined>, cmd?: string) {
  const base = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, CI: undefined, ...env };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  if (cmd) return spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: base as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000 });
  return spawnSync(process.execPath, BIN, { cwd: ROOT, env: base as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000, stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('no command, no terminal: the plain report, never the TUI', () => {
  it('piped stdin and stdout: text with no ESC bytes, exit 0', () => {
    const r = run({});
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout.includes(ESC)).toBe(false);
    expect(r.stderr.includes(ESC)).toBe(false);
  });

  it('CI set (even empty) with piped output: no ESC bytes', () => {
    for (const ci of ['1', 'true', '']) {
      const r = run({ CI: ci });
      expect(r.status).toBe(0);
      expect(r.stdout.includes(ESC)).toBe(false);
    }
  });

  // `script` gives the child a real pseudo-terminal, so these are the cases where ink could mount.
  const hasScript = existsSync('/usr/bin/script');
  it.skipIf(!hasScript)('stdin is a terminal but stdout is a pipe: no ink, no ESC bytes', () => {
    const r = run({}, `${process.execPath} ${BIN.join(' ')} | od -c | grep -c 033 || true`);
    // `od -c` prints ESC as 033; grep -c counts the lines holding one: none.
    expect(r.stdout.trim().split('\n').pop()).toBe('0');
  });

  it.skipIf(!hasScript)('a terminal on both ends but CI=1: the plain report, exit 0, no ESC bytes', () => {
    const r = run({ CI: '1' }, `${process.execPath} ${BIN.join(' ')}; echo "exit=$?"`);
    expect(r.stdout).toContain('exit=0');
    expect(r.stdout.includes(ESC)).toBe(false);
  });

  // The control: the same spawn on a terminal without CI does mount ink (so the checks above can fail).
  it.skipIf(!hasScript)('control: a terminal on both ends and no CI mounts the TUI; q exits 0', () => {
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') base[k] = v;
    const r = spawnSync('sh', ['-c', `(sleep 3; printf q) | script -qec '${process.execPath} ${BIN.join(' ')}; echo "exit=$?"' /dev/null`], {
      cwd: ROOT,
      env: base,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stdout.includes(ESC)).toBe(true);
    expect(r.stdout).toContain('1 Targets');
    expect(r.stdout).toContain('exit=0');
  });
});
