// `prospector tui` is for terminals only: elsewhere it says so (exit 2) instead of mounting ink;
// on a terminal, a scenario it cannot read is refused before the screen is taken over.
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { main } from '../../cli/main.js';
import type { CliContext } from '../../cli/context.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

class Term extends Writable {
  data = '';
  isTTY = true;
  columns = 80;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
    this.data += chunk.toString();
    cb();
  }
}

/** A context that looks like a terminal on both ends (the TUI would mount). */
async function onTerminal(argv: string[], cwd: string) {
  const stdout = new Term();
  const stderr = new Term();
  const ctx: CliContext = { stdout, stderr, stdinIsTTY: true, env: {}, cwd, color: false, colorErr: false, signal: new AbortController().signal };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.data, stderr: stderr.data };
}

describe('prospector tui', () => {
  it('without a terminal: one stderr line pointing to `prospector plan`, exit 2, nothing on stdout', async () => {
    const r = await runCli(['tui']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('tui: needs an interactive terminal');
    expect(r.stderr).toContain('prospector plan');
  });

  it('on a terminal, a missing or broken scenario file: one stderr line naming the file, exit 2, no screen drawn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-cmd-'));
    let r = await onTerminal(['tui', 'missing.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // The file as the user typed it, as `plan` names it.
    expect(r.stderr).toBe('prospector: missing.yaml: cannot read the scenario file (no such file)\n');
    writeFileSync(join(dir, 'bad.yaml'), 'name: [unclosed\n');
    r = await onTerminal(['tui', 'bad.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml: YAML syntax error/);
  });

  it('on a terminal, a scenario that does not validate (or names an unknown target): the message and exit 2 of `plan`, no screen drawn', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-cmd-'));
    const good = readFileSync(join(ROOT, 'examples/metal-pgm-earth.yaml'), 'utf8');
    writeFileSync(join(dir, 'typo.yaml'), good.replace('dryMass:', 'dryMas:'));
    let r = await onTerminal(['tui', 'typo.yaml'], dir);
    const plan = await runCli(['plan', 'typo.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(plan.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('prospector: typo.yaml: spacecraft: unknown field "dryMas" (did you mean "dryMass"?)\n');
    expect(r.stderr).toBe(plan.stderr);
    writeFileSync(join(dir, 'dist.yaml'), good.replace('recovery: {min: 0.8, mode: 0.9, max: 0.95}', 'recovery: {min: 0.95, mode: 0.9, max: 0.8}'));
    r = await onTerminal(['tui', 'dist.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: dist.yaml: refinery.recovery: expected min ≤ mode ≤ max, got 0.95, 0.9, 0.8\n');
    writeFileSync(join(dir, 'nobody.yaml'), good.replace('designation: "1997 XR2"', 'designation: "1997 XR9"'));
    r = await onTerminal(['tui', 'nobody.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^prospector: nobody\.yaml: target\.designation: asteroid "1997 XR9" not found in the catalog/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/tui \[scenario\]\s+interactive planning session/);
  });
});
