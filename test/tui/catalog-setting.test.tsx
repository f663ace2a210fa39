// The session honours the settings every command honours, handed down by the command layer:
// the catalog (--catalog > PROSPECTOR_CATALOG > the scenario's target.catalog > config files >
// bundled, resolved and opened by cli/tui/catalog.ts) is the one the table lists, the search bar
// names and the plans are given; "today" (PROSPECTOR_TODAY, else the run's start) dates saved
// files and counts orbit ages; samples and seed come from the command's environment, not from
// process.env.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parse as parseYaml } from 'yaml';
import { loadModule, type Domain } from '../../cli/tui/engine.js';
import { catalogName, openTuiCatalog, resolveTuiCatalog } from '../../cli/tui/catalog.js';
import { searchBar, warningsFor } from '../../cli/tui/views/targets.js';
import { KEY, FIXTURE_ASTEROIDS, fakeCatalog, renderApp, tick, tuiCatalog, type, waitFor } from './helpers.js';
import { FIXTURE_SCENARIO_YAML, fakeScenarioModule } from './plan-fixture.js';
import { CTRL_U, lastDoc } from './setup.js';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

/** Three objects under made-up designations (2000 SG344's, Ryugu's and Bennu's orbits, epoch 2021-07-08): no other catalog has them. */
const TINY = fileURLToPath(new URL('./fixtures/tiny-catalog.csv', import.meta.url));
const flat = (f: string) => f.replace(/\n\s+/g, ' ');

/** A session over the real catalog module, a recording scenario module and `catalog`, from a scenario in a fresh directory. */
function session(catalog: ReturnType<typeof tuiCatalog>, opts: { today?: string; env?: NodeJS.ProcessEnv; yaml?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-cat-'));
  writeFileSync(join(dir, 'fixture.yaml'), opts.yaml ?? FIXTURE_SCENARIO_YAML);
  const calls: any[] = [];
  const scenario = fakeScenarioModule(calls);
  const engine = async (d: Domain) => (d === 'scenario' ? { ok: true as const, value: scenario as Record<string, unknown> } : loadModule(d));
  const app = renderApp({ engine, cwd: dir, scenarioPath: 'fixture.yaml', catalog, today: opts.today, env: opts.env });
  return { app, calls, dir };
}

describe('the catalog setting, resolved by the command layer', () => {
  it('resolves and opens the catalog as every command does: the flag, PROSPECTOR_CATALOG, the scenario, else bundled', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prospector-tui-cat-'));
    const env = { PROSPECTOR_CATALOG: TINY };
    const fromEnv = await openTuiCatalog({ cwd }, resolveTuiCatalog({ env, cwd }, undefined));
    expect(fromEnv.catalog).toMatchObject({ name: 'tiny-catalog.csv', source: 'env', label: `PROSPECTOR_CATALOG=${TINY}`, path: TINY, count: 3 });
    expect(fromEnv.catalog.asteroids().map((a) => a.designation)).toEqual(['2099 TU1', '2099 TU2', '2099 TU3']);
    // The flag beats the environment; the environment beats the scenario's own catalog.
    expect(resolveTuiCatalog({ env, cwd }, 'other.csv').source).toBe('flag');
    expect(resolveTuiCatalog({ env, cwd }, undefined, { source: 'a.yaml', designation: 'x', catalog: '/elsewhere.csv' }).source).toBe('env');
    expect(resolveTuiCatalog({ env: {}, cwd }, undefined, { source: 'a.yaml', designation: 'x', catalog: '/elsewhere.csv' }).label).toBe('a.yaml: target.catalog: /elsewhere.csv');
    const bundled = resolveTuiCatalog({ env: {}, cwd }, undefined);
    expect(bundled.source).toBe('default');
    expect(catalogName(bundled)).toBe('bundled');
    // A file that cannot be read is named after the setting, as `targets` names it.
    await expect(openTuiCatalog({ cwd }, resolveTuiCatalog({ env: { PROSPECTOR_CATALOG: '/nonexist' }, cwd }, undefined))).rejects.toThrow(/^PROSPECTOR_CATALOG=\/nonexist: no such file$/);
  });

  it('the catalog handed in is the one listed, named in the search bar and the ! overlay, and given to every plan', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prospector-tui-cat-'));
    const { catalog } = await openTuiCatalog({ cwd }, resolveTuiCatalog({ env: { PROSPECTOR_CATALOG: TINY }, cwd }, undefined));
    const yaml = FIXTURE_SCENARIO_YAML.replace('designation: "1999 RQ36"', 'designation: "2099 TU3"');
    const { app, calls } = session(catalog, { yaml });
    let f = await waitFor(app.lastFrame, (s) => s.includes('target 2099 TU3'), 'catalog and scenario target', 15_000);
    expect(f).toContain('Tinyone');
    expect(f).toContain('2099 TU2');
    expect(f).not.toContain('Bennu');
    const bar = f.split('\n')[1].trimEnd();
    expect(bar).toMatch(/ {2}catalog: tiny-catalog\.csv {2}3\/3$/);
    // Plans use the same file (not the bundled catalog the scenario module would fall back on).
    await waitFor(() => String(calls.length), (n) => n !== '0', 'first plan', 10_000);
    expect(lastDoc(calls).__catalog).toBe(TINY);
    // Picking another of its objects re-plans against it too.
    await tick();
    await type(app.stdin, KEY.enter);
    await waitFor(() => lastDoc(calls).target.designation, (d) => d === '2099 TU1', 'plan of the picked target', 10_000);
    expect(lastDoc(calls).__catalog).toBe(TINY);
    await type(app.stdin, '!');
    f = await waitFor(app.lastFrame, (s) => s.includes('Warnings and messages'), 'warnings overlay');
    // The catalog section follows the plan's and the target's warnings: page down to it when the
    // target's warnings (computed asynchronously) have filled the first page.
    for (let i = 0; i < 4 && !f.includes('Catalog:'); i++) {
      const before = f;
      await type(app.stdin, KEY.pageDown);
      f = await waitFor(app.lastFrame, (s) => s !== before, 'the next page');
    }
    expect(flat(f)).toContain(`Catalog: PROSPECTOR_CATALOG=${TINY} (3 objects)`);
  });

  it("the loader's skipped rows are said on the status line and kept in the ! overlay", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prospector-tui-cat-'));
    writeFileSync(join(cwd, 'rough.csv'), readFileSync(TINY, 'utf8') + '2099 TU4,,2459403.5,x,1.1,2,3,4,5,20\n');
    const { catalog } = await openTuiCatalog({ cwd }, resolveTuiCatalog({ env: {}, cwd }, 'rough.csv'));
    expect(catalog).toMatchObject({ name: 'rough.csv', source: 'flag', count: 3 });
    expect(catalog.diagnostics).toMatch(/^1 row\(s\) skipped/);
    const { app } = session(catalog);
    let f = await waitFor(app.lastFrame, (s) => flat(s).includes('Catalog rough.csv: 1 row(s) skipped'), 'status warning', 15_000);
    await type(app.stdin, '!');
    f = await waitFor(app.lastFrame, (s) => s.includes('Catalog: rough.csv (3 objects)'), 'overlay');
    expect(flat(f)).toContain(`! ${catalog.diagnostics!.slice(0, 30)}`);
  });

  it('the bundled catalog is named as such; a scenario target missing from a catalog file is said on the status line', async () => {
    const { app } = session(tuiCatalog(FIXTURE_ASTEROIDS));
    const f = await waitFor(app.lastFrame, (s) => s.includes('target Bennu'), 'catalog', 15_000);
    expect(f.split('\n')[1].trimEnd()).toMatch(/ {2}catalog: bundled {2}37\/37$/);
    cleanup();
    const other = session(tuiCatalog(FIXTURE_ASTEROIDS.slice(1), { name: 'neas.csv', label: '--catalog neas.csv', source: 'flag', path: '/x/neas.csv' }));
    const g = await waitFor(other.app.lastFrame, (s) => s.includes("scenario's target"), 'status', 15_000);
    expect(flat(g)).toContain("The scenario's target 1999 RQ36 is not in the catalog --catalog neas.csv: pick one in Targets (1).");
    expect(g).toContain('no target');
  });

  it('the search bar keeps its filters and the row count whole, and shortens a long catalog name to the width', () => {
    const filters = '/—  sort Δv↑  class all  type all  Δv any';
    expect(searchBar(filters, 'bundled', '26175/26175', 79)).toBe(`${filters}  catalog: bundled  26175/26175`);
    const long = searchBar(filters, 'a-very-long-catalog-export-file-name-2026-12-05.csv', '3/3', 79);
    expect(long.length).toBe(79);
    expect(long).toMatch(/ {2}catalog: a-very-long.*… {2}3\/3$/);
    expect(searchBar(filters, 'NEA.txt', '3/3', 50)).toBe(`${filters}  3/3`);
  });
});

describe("today's date, handed down by the command layer", () => {
  it('dates a saved scenario with the session date (PROSPECTOR_TODAY), not the clock', async () => {
    const { app, dir } = session(tuiCatalog(), { today: '2031-02-03' });
    await waitFor(app.lastFrame, (s) => s.includes('target Bennu'), 'catalog', 15_000);
    await tick();
    await type(app.stdin, '3');
    await waitFor(app.lastFrame, (s) => s.includes('Plan: 200 samples'), 'first plan', 10_000);
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 're-planned', 10_000);
    await type(app.stdin, 'w', CTRL_U, ...'dated.yaml'.split(''), KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Saved the scenario'), 'saved', 10_000);
    const text = readFileSync(join(dir, 'dated.yaml'), 'utf8');
    expect(text).toContain("# Saved by prospector's planning session on 2031-02-03 from fixture.yaml.");
    expect(parseYaml(text).description).toMatch(/^Edited in prospector's planning session on 2031-02-03 from fixture\.yaml: /);
  });

  it('starts the default launch window there and passes it to every plan', async () => {
    const yaml = FIXTURE_SCENARIO_YAML.replace('  launch: 2030-01-01..2034-12-31\n', '');
    const { app, calls } = session(tuiCatalog(), { today: '2031-02-03', yaml });
    await waitFor(() => String(calls.length), (n) => n !== '0', 'first plan', 15_000);
    expect(lastDoc(calls).__today).toBe('2031-02-03');
    await tick();
    await type(app.stdin, '2');
    const f = await waitFor(app.lastFrame, (s) => flat(s).includes('Mission launch window'), 'trajectory view', 15_000);
    expect(flat(f)).toContain('Mission launch window 2031-02-03..2045-12-31 (the default: from today');
  });

  it("counts orbit ages in the target's warnings to the session date", () => {
    const a = { ...FIXTURE_ASTEROIDS[2], orbit: { ...FIXTURE_ASTEROIDS[2].orbit, epochJd: 2459403.5 } }; // epoch 2021-07-08
    const own = (today: string) => warningsFor(a, { findAsteroid: fakeCatalog.findAsteroid }, today).find((w) => /yr old/.test(w));
    expect(own('2026-12-05')).toBe('orbit epoch 2021-07-08 is 5.4 yr old');
    expect(own('2031-02-03')).toBe('orbit epoch 2021-07-08 is 9.6 yr old');
  });
});

describe('samples and seed from the command environment', () => {
  it("plans with the environment the command layer hands down, whatever this process's own says", async () => {
    vi.stubEnv('PROSPECTOR_SAMPLES', '7');
    vi.stubEnv('PROSPECTOR_SEED', '8');
    const { calls } = session(tuiCatalog(), { env: { PROSPECTOR_SAMPLES: '50', PROSPECTOR_SEED: '9' } });
    await waitFor(() => String(calls.length), (n) => n !== '0', 'first plan', 15_000);
    expect(lastDoc(calls).__samples).toBe(50);
    expect(lastDoc(calls).__seed).toBe(9);
  });
});
