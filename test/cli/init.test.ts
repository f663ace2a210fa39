// `prospector init`: a commented starter scenario, atomic, never overwriting without --force.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, envelope } from '../helpers/cli.js';
import { STARTER_SCENARIO } from '../../src/scenario/template.js';
import { parseScenarioText } from '../../src/scenario/load.js';

describe('prospector init', { timeout: 30_000 }, () => {
  it('writes scenario.yaml by default, and it plans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-init-'));
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote scenario.yaml; next: prospector plan scenario.yaml\n');
    const text = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
    expect(text).toBe(STARTER_SCENARIO);
    expect(text).toMatch(/^# Prospector scenario/);
    await expect(parseScenarioText(text, 'scenario.yaml')).resolves.toBeTruthy();
    expect(readdirSync(dir)).toEqual(['scenario.yaml']); // no temp file left behind
    const p = await runCli(['plan', 'scenario.yaml', '--samples', '20', '--json'], { cwd: dir });
    expect(p.code, p.stderr).toBe(0);
    const plan = envelope(p).result as { delivered: { modelled: boolean }; economics: { modelled: boolean } };
    expect(plan.delivered.modelled).toBe(true);
    expect(plan.economics.modelled).toBe(true);
    // The starter leaves the launch window to the default, which starts today (pinned by the test helper).
    expect((plan as unknown as { scenario: { launchWindow: unknown } }).scenario.launchWindow).toEqual({ from: '2026-12-05', to: '2045-12-31', basis: 'default' });
  });

  it('the window comments tell the truth: lines marked "the default" hold the schema default, the others say what it is', async () => {
    const withWindow = await parseScenarioText(STARTER_SCENARIO, 'scenario.yaml');
    const withoutWindow = await parseScenarioText(STARTER_SCENARIO.replace(/^window:.*\n(  .*\n)+/m, ''), 'scenario.yaml');
    const lines = STARTER_SCENARIO.split('\n').filter((l) => /^  (launch|maxTotalDays|minStayDays|maxC3|maxEntrySpeed|maxDv|stepDays):/.test(l));
    expect(lines).toHaveLength(6);
    // The launch window is left to the default (from today, 2025-01-01 at the earliest, to
    // 2045-12-31), which the plan resolves and records; the commented line shows how to set one.
    expect(withWindow.window.launch).toBeUndefined();
    const launchLine = STARTER_SCENARIO.split('\n').find((l) => /^  # launch:/.test(l))!;
    expect(launchLine).toContain('from today (2025-01-01 at the earliest) to 2045-12-31');
    const uncommented = await parseScenarioText(STARTER_SCENARIO.replace('  # launch:', '  launch:'), 'scenario.yaml');
    expect(uncommented.window.launch).toEqual({ from: '2030-01-01', to: '2038-12-31' });
    for (const line of lines) {
      const key = line.trim().split(':')[0] as keyof typeof withWindow.window;
      if (/# the default/.test(line)) expect(withWindow.window[key], line).toEqual(withoutWindow.window[key]);
      else {
        expect(withWindow.window[key], line).not.toEqual(withoutWindow.window[key]);
        // The comment names the real default (450 d total, 8 d stay: DESIGN §2.3's NHATS defaults).
        const d = withoutWindow.window[key] as number;
        expect(line, line).toContain(`default ${d} d`);
      }
    }
    expect(STARTER_SCENARIO).not.toContain('defaults shown');
  });

  it('refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-init-'));
    writeFileSync(join(dir, 'mine.yaml'), 'mine');
    const r = await runCli(['init', 'mine.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/mine\.yaml: file exists; pass --force to overwrite/);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('mine');
    const f = await runCli(['init', 'mine.yaml', '--force'], { cwd: dir });
    expect(f.code).toBe(0);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe(STARTER_SCENARIO);
  });

  it('"-" prints the scenario on stdout; --json reports the file', async () => {
    const r = await runCli(['init', '-']);
    expect(r.stdout).toBe(STARTER_SCENARIO);
    const dir = mkdtempSync(join(tmpdir(), 'prospector-init-'));
    const j = await runCli(['init', 'x.yaml', '--json'], { cwd: dir });
    expect(envelope(j).result).toEqual({ written: 'x.yaml', bytes: Buffer.byteLength(STARTER_SCENARIO) });
  });
});
