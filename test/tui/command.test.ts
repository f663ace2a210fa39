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
const TINY = fileURLToPath(new URL('./fixtures/tiny-catalog.csv', import.meta.url));

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
async function onTerminal(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = new Term();
  const stderr = new Term();
  const ctx: CliContext = { stdout, stderr, stdinIsTTY: true, env, cwd, color: false, colorErr: false, signal: new AbortController().signal };
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

  it('on a terminal, a catalog setting that cannot be used: one stderr line naming the setting (flag, PROSPECTOR_CATALOG, config file, scenario), exit 2, nothing drawn', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-cmd-'));
    const once = (r: { code: number; stdout: string; stderr: string }, line: string | RegExp) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2);
      if (typeof line === 'string') expect(r.stderr).toBe(`${line}\n`);
      else expect(r.stderr).toMatch(line);
    };
    // The flag as typed, as every command names a file flag.
    once(await onTerminal(['tui', '--catalog', '/nonexistent'], dir), 'prospector: /nonexistent: no such file');
    // The flag beats the environment.
    once(await onTerminal(['tui', '--catalog', 'nope.csv'], dir, { PROSPECTOR_CATALOG: TINY }), 'prospector: nope.csv: no such file');
    // The environment, for `prospector tui` and for `prospector` with no command.
    once(await onTerminal(['tui'], dir, { PROSPECTOR_CATALOG: '/nonexist' }), 'prospector: PROSPECTOR_CATALOG=/nonexist: no such file');
    once(await onTerminal([], dir, { PROSPECTOR_CATALOG: '/nonexist' }), 'prospector: PROSPECTOR_CATALOG=/nonexist: no such file');
    // A file that is not a catalog.
    writeFileSync(join(dir, 'notes.txt'), 'not a catalog\n');
    once(await onTerminal(['tui'], dir, { PROSPECTOR_CATALOG: 'notes.txt' }), /^prospector: PROSPECTOR_CATALOG=notes\.txt: [^\n]+\n$/);
    // The scenario's own catalog, named with its field.
    const good = readFileSync(join(ROOT, 'examples/metal-pgm-earth.yaml'), 'utf8');
    writeFileSync(join(dir, 'own.yaml'), good.replace('  designation: "1997 XR2"\n', '  designation: "1997 XR2"\n  catalog: cats/missing.csv\n'));
    once(await onTerminal(['tui', 'own.yaml'], dir), 'prospector: own.yaml: target.catalog: cats/missing.csv: no such file');
    // The scenario's target must be in the session's catalog, as `plan` requires; an environment
    // setting is easy to forget, so the message names it.
    writeFileSync(join(dir, 'good.yaml'), good);
    once(await onTerminal(['tui', 'good.yaml'], dir, { PROSPECTOR_CATALOG: TINY }), /^prospector: good\.yaml: target\.designation: asteroid "1997 XR2" not found in the catalog PROSPECTOR_CATALOG=\S+tiny-catalog\.csv \(try [^\n]+\)\n$/);
    // The project config file, named with its key.
    const cfgDir = mkdtempSync(join(tmpdir(), 'prospector-tui-cmd-'));
    writeFileSync(join(cfgDir, 'prospector.config.json'), '{"catalog": "gone.csv"}');
    once(await onTerminal(['tui'], cfgDir), 'prospector: prospector.config.json: catalog: gone.csv: no such file');
    // And a date that is not one.
    once(await onTerminal(['tui'], dir, { PROSPECTOR_TODAY: '2026-02-31' }), /^prospector: PROSPECTOR_TODAY: expected a date YYYY-MM-DD/);
  });

  it('--help lists --catalog and where the session takes its settings from', async () => {
    const r = await runCli(['tui', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--catalog <file>\s+asteroid catalog of the session's table and plans/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('default: PROSPECTOR_CATALOG, else the scenario\'s target.catalog, else the catalog of ./prospector.config.json or the user config, else the bundled one');
    expect(r.stdout).toContain('PROSPECTOR_TODAY');
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/tui (\[options\] )?\[scenario\]\s+interactive planning session/);
  });
});
