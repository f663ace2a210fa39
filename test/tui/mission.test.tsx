// Mission view: in-place edits with units and validation, live re-planning, cancellation; export,
// save and compare from the session.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parse as parseYaml } from 'yaml';
import { loadModule } from '../../cli/tui/engine.js';
import type { Domain } from '../../cli/tui/engine.js';
import { KEY, fakeCatalog, renderApp, tick, type, waitFor } from './helpers.js';
import { FIXTURE_SCENARIO_YAML, fakeScenarioModule } from './plan-fixture.js';

afterEach(() => cleanup());

const CTRL_U = '\u0015';

function setup(scenarioModule: Record<string, unknown> = fakeScenarioModule(), size: { columns?: number; rows?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-'));
  writeFileSync(join(dir, 'fixture.yaml'), FIXTURE_SCENARIO_YAML);
  const engine = async (d: Domain) => {
    if (d === 'catalog') return { ok: true as const, value: fakeCatalog as Record<string, unknown> };
    if (d === 'scenario') return { ok: true as const, value: scenarioModule };
    if (d === 'export' || d === 'supply') return loadModule(d);
    return { ok: false as const, reason: `the ${d} module (src/${d}) is not available in this build` };
  };
  const app = renderApp({ engine, cwd: dir, scenarioPath: 'fixture.yaml', ...size });
  return { app, dir };
}

async function openMission(app: ReturnType<typeof renderApp>) {
  await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'catalog');
  await tick();
  await type(app.stdin, '3');
  return waitFor(app.lastFrame, (s) => s.includes('Plan: 200 samples'), 'first plan');
}

describe('Mission view', () => {
  it('shows the scenario parameters with units and the plan results', async () => {
    const { app } = setup();
    const f = await openMission(app);
    expect(f).toContain('power @1 AU    60 kW');
    expect(f).toContain('0.3‥0.5‥0.7');
    expect(f).toContain('SEP 60.0 kW');
    expect(f).toMatch(/Pt\s+·*━+█━+·*\s+30\.0 kg/);
    expect(f).toContain('Capsules 4 × 45.8 kg');
    expect(f).toContain('NPV -$1.62B');
    for (const l of f.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThan(24);
  });

  it('rejects a power given in kg inline, then applies a valid one and re-plans', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    const before = calls.length;
    await type(app.stdin, KEY.enter, CTRL_U, '40 kg', KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => s.includes("'40 kg' is not a power"), 'unit error', 10_000);
    expect(f).toContain('power @1 AU: \'40 kg\' is not a power (expected e.g. "40 kW")');
    expect(f).toContain('power @1 AU    60 kW');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(before);
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 're-planned at 40 kW', 10_000);
    expect(f).toContain('power @1 AU    40 kW');
    expect(f).not.toContain('is not a power');
    expect(calls[calls.length - 1].spacecraft.power).toBe('40 kW');
  });

  it('rejects a fraction above 1 and an unknown route', async () => {
    const { app } = setup();
    await openMission(app);
    // captureEfficiency is the 7th field (after 5 spacecraft fields and the concentrator).
    await type(app.stdin, ...Array(6).fill(KEY.down), KEY.enter, CTRL_U, '1.5', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes("capture eff.: '1.5' is outside (0, 1]"), 'fraction error');
    await type(app.stdin, KEY.down, KEY.down, KEY.enter, CTRL_U, 'smelt', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes("route: 'smelt' is not one of water, melt-metal"), 'route error');
  });

  it('on a 60×16 terminal the field list scrolls to keep the selection in view', async () => {
    const { app } = setup(fakeScenarioModule(), { columns: 60, rows: 16 });
    await openMission(app);
    await type(app.stdin, ...Array(11).fill(KEY.down));
    const f = await waitFor(app.lastFrame, (s) => s.includes('payload frac.'), 'last field visible');
    expect(f).not.toContain('power @1 AU');
    expect(f.split('\n').length).toBeLessThan(16);
    for (const l of f.split('\n')) expect(l.length).toBeLessThanOrEqual(60);
  });

  it('Esc cancels a running plan and keeps the last numbers', async () => {
    let release: (() => void) | undefined;
    const slow = {
      ...fakeScenarioModule(),
      plan: (doc: any, opts: { signal?: AbortSignal }) =>
        new Promise((resolve, reject) => {
          if (doc.spacecraft.power === '30 kW') {
            opts.signal?.addEventListener('abort', () => reject(Object.assign(new Error('plan: interrupted'), { code: 'CANCELLED' })));
            release = () => resolve(null);
          } else void fakeScenarioModule().plan(doc).then(resolve);
        }),
    };
    const { app } = setup(slow);
    await openMission(app);
    await type(app.stdin, KEY.enter, CTRL_U, '30 kW', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Esc stops'), 'running', 10_000);
    await type(app.stdin, KEY.esc);
    const f = await waitFor(app.lastFrame, (s) => s.includes('Plan cancelled'), 'cancelled');
    expect(f).toContain('Plan cancelled; the numbers shown are from the last finished plan.');
    expect(f).toContain('SEP 60.0 kW');
    expect(release).toBeDefined();
  });
});

describe('keep, compare, export and save', () => {
  it('exports the plan as CSV and JSON with the CLI writer, asks before overwriting, saves the scenario', async () => {
    const { app, dir } = setup();
    await openMission(app);
    await type(app.stdin, 'e');
    await waitFor(app.lastFrame, (s) => s.includes('Export yield forecast CSV to: bennu-yield.csv'), 'csv prompt');
    await type(app.stdin, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (CSV)'), 'csv written');
    const csv = readFileSync(join(dir, 'bennu-yield.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^scenario,target,element,year,arrival_date/);
    expect(csv).toContain('Pt,2036,2036-05-11');
    // Again: the file exists, so the first Enter only asks.
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('exists — Enter overwrites'), 'overwrite question');
    await type(app.stdin, KEY.esc);
    await waitFor(app.lastFrame, (s) => s.includes('Not written.'), 'cancelled overwrite');
    await type(app.stdin, 'E', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (JSON)'), 'json written');
    const doc = JSON.parse(readFileSync(join(dir, 'bennu-yield.json'), 'utf8'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.result.years[0].element).toBe('Pt');
    await type(app.stdin, 'w');
    await waitFor(app.lastFrame, (s) => s.includes('Save scenario to: bennu-scenario.yaml'), 'save prompt');
    await type(app.stdin, CTRL_U);
    await type(app.stdin, ...'edited.yaml'.split(''), KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Saved the scenario'), 'saved');
    const saved = parseYaml(readFileSync(join(dir, 'edited.yaml'), 'utf8'));
    expect(saved.spacecraft.power).toBe('60 kW');
    expect(saved.target.designation).toBe('1999 RQ36');
  });

  it('says plainly that export is unavailable when the export module is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-'));
    writeFileSync(join(dir, 'fixture.yaml'), FIXTURE_SCENARIO_YAML);
    const engine = async (d: Domain) =>
      d === 'catalog' ? { ok: true as const, value: fakeCatalog as Record<string, unknown> } : d === 'scenario' ? { ok: true as const, value: fakeScenarioModule() as Record<string, unknown> } : { ok: false as const, reason: `the ${d} module (src/${d}) is not available in this build` };
    const app = renderApp({ engine, cwd: dir, scenarioPath: 'fixture.yaml' });
    await openMission(app);
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Export is not available: the export module'), 'unavailable');
    expect(existsSync(join(dir, 'bennu-yield.csv'))).toBe(false);
  });

  it('keeps plans and compares them side by side; x drops one', async () => {
    const { app } = setup();
    await openMission(app);
    await type(app.stdin, 'k');
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 'second plan', 10_000);
    await type(app.stdin, 'k', '5');
    let f = await waitFor(app.lastFrame, (s) => s.includes('2: Bennu'), 'compare columns');
    const power = f.split('\n').find((l) => l.startsWith('power'))!;
    expect(power).toMatch(/power\s+40\.0 kW\s+60\.0 kW\s+40\.0 kW/);
    expect(f).toContain('2 kept');
    await type(app.stdin, 'x');
    f = await waitFor(app.lastFrame, (s) => s.includes('1 kept'), 'dropped');
    expect(f.split('\n').find((l) => l.startsWith('power'))).toMatch(/power\s+40\.0 kW\s+40\.0 kW/);
  });

  it('supply view: delivered metal against world supply, semiconductors, and the launch-price chart', async () => {
    const { app } = setup();
    await openMission(app);
    await type(app.stdin, '4');
    const f = await waitFor(app.lastFrame, (s) => s.includes('launch') && s.includes('┤'), 'supply chart');
    expect(f).toMatch(/Pt\s+30\.0 kg\s+170 t/);
    expect(f).toContain('Semiconductors (fixture die)');
    expect(f).toContain('Orbital DC 1 GW × 5 yr');
    expect(f).toContain('• orbital  ─ terrestrial');
    expect(f).toMatch(/parity|no parity in range|orbital cheaper/);
    expect(f.split('\n').length).toBeLessThan(24);
  });
});
