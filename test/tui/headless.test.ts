// `prospector` with no command must never mount ink unless stdin and stdout are terminals and CI
// is unset: it prints the plain report instead, with no escape sequences (DESIGN §4).
// Each case spawns `node --import tsx cli/bin.ts` for real; they run in parallel (a report run
// takes a few seconds: PROSPECTOR_SAMPLES keeps its Monte Carlo small).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE_BIN = `${process.execPath} --import tsx cli/bin.ts`;
const ESC = '\u001B';
const hasScript = existsSync('/usr/bin/script');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { PROSPECTOR_SAMPLES: '20' };
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['CI', 'FORCE_COLOR', 'NO_COLOR', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID'].includes(k)) out[k] = v;
  return { ...out, ...extra };
}

function sh(cmd: string, extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', cmd], { cwd: ROOT, env: env(extra), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const runs: Record<string, Run> = {};

beforeAll(async () => {
  const cases: Record<string, Promise<Run>> = {
    piped: sh(`${NODE_BIN}`),
  };
  if (hasScript) {
    // `script` gives the child a pseudo-terminal: the cases where ink could mount.
    cases.ttyInPipeOut = sh(`script -qec '${NODE_BIN} | od -An -c | grep -c 033; echo "status=$?"' /dev/null`);
    // CI set to the empty string still counts (is-in-ci tests `'CI' in env`).
    cases.ttyCi = sh(`script -qec '${NODE_BIN}; echo "exit=$?"' /dev/null`, { CI: '' });
    // The control: no CI, a terminal on both ends: the TUI mounts; q quits with 0.
    cases.control = sh(`(sleep 2.5; printf q) | script -qec '${NODE_BIN}; echo "exit=$?"' /dev/null`);
  }
  const keys = Object.keys(cases);
  const done = await Promise.all(Object.values(cases));
  keys.forEach((k, i) => (runs[k] = done[i]));
}, 90_000);

describe('no command, no terminal: the plain report, never the TUI', () => {
  it('piped stdin and stdout: the report as text with no ESC bytes, exit 0', () => {
    const r = runs.piped;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prospector plan');
    expect(r.stdout.includes(ESC)).toBe(false);
    expect(r.stderr.includes(ESC)).toBe(false);
  });

  it.skipIf(!hasScript)('stdin is a terminal but stdout is a pipe: no ESC byte reaches the pipe', () => {
    // `od -c` shows ESC as 033 and grep -c counts the lines holding one: none (grep exits 1).
    expect(runs.ttyInPipeOut.stdout).toMatch(/^0\s*$/m);
    expect(runs.ttyInPipeOut.stdout).toContain('status=1');
  });

  it.skipIf(!hasScript)('a terminal on both ends but CI set (empty): the plain report, exit 0, no terminal control sequences', () => {
    const r = runs.ttyCi;
    expect(r.stdout).toContain('Prospector plan');
    expect(r.stdout).toContain('exit=0');
    // No ink and no colour either: CI output is a log (cli/context.ts colorWanted), so not one
    // escape sequence, although stdout is a terminal.
    expect(r.stdout.includes(ESC)).toBe(false);
  });

  it.skipIf(!hasScript)('control: a terminal on both ends and no CI mounts the TUI; q exits 0', () => {
    const r = runs.control;
    expect(r.stdout.includes(ESC)).toBe(true);
    expect(r.stdout).toContain('1 Targets');
    expect(r.stdout).toContain('exit=0');
  });
});
