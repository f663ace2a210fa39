// `prospector tui` is for terminals only: elsewhere it says so (exit 2) instead of mounting ink.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('prospector tui', () => {
  it('without a terminal: one stderr line pointing to `prospector plan`, exit 2, nothing on stdout', async () => {
    const r = await runCli(['tui']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('tui: needs an interactive terminal');
    expect(r.stderr).toContain('prospector plan');
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/tui \[scenario\]\s+interactive planning session/);
  });
});
