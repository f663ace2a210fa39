import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `sh -c "<node> --import tsx cli/bin.ts …"` for real: stream errors only exist in a process. */
function sh(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', BIN: `${process.execPath} --import tsx cli/bin.ts` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI frame', () => {
  it('prints help with examples and exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: prospector');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes');
  });

  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('remaps commander usage errors to exit 2 with one stderr line', async () => {
    const r = await runCli(['--definitely-not-a-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--definitely-not-a-flag');
  });

  it('unknown command is a usage error', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
  });

  it("commander's suggestion stays on the one line, with the command's help named", async () => {
    const r = await runCli(['targets', '--limt', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("prospector: unknown option '--limt'; did you mean --limit? (see prospector targets --help)\n");
  });

  it('--json with a usage error prints the error envelope (code USAGE, field)', async () => {
    const r = await runCli(['targets', '--bogus', '--json']);
    expect(r.code).toBe(2);
    expect(envelope(r)).toEqual({ schemaVersion: 1, error: { code: 'USAGE', message: "unknown option '--bogus'", field: '--bogus' } });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a stray word after a flag value names the flag and shows the quoted form, for any command', async () => {
    const r = await runCli(['targets', '--min-diameter', '300', 'm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prospector: --min-diameter: "300" is followed by a stray "m"; .*--min-diameter "300 m"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('stdout errors (a real process)', () => {
  it('output piped into a reader that quits early (| head): exit 0, nothing on stderr', async () => {
    // The CLI's own exit status comes out through stderr of its subshell (sh has no PIPESTATUS).
    const st = await sh('( $BIN targets --limit 0; echo "cli=$?" >&2 ) | head -2');
    expect(st.stdout).toMatch(/^asteroid\s+class.*\n\S.*\n$/);
    expect(st.stderr).toBe('cli=0\n');
  }, 60_000);

  it.skipIf(!existsSync('/dev/full'))('any other write failure: one line on stderr, exit 1', async () => {
    const r = await sh('$BIN targets --limit 3 --json > /dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('prospector: cannot write to stdout: ENOSPC: no space left on device, write\n');
  }, 60_000);
});
