import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

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
});
