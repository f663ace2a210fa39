// Export, save, keep and compare from the session; the Supply view (scrolling, wrapping, basis);
// invalid file names and directories from any view.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parse as parseYaml } from 'yaml';
import type { Domain } from '../../cli/tui/engine.js';
import { KEY, fakeCatalog, renderApp, type, waitFor } from './helpers.js';
import { fakeScenarioModule } from './plan-fixture.js';
import { CTRL_U, openMission, setup } from './setup.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURE_SCENARIO_YAML } from './plan-fixture.js';

afterEach(() => cleanup());

const flat = (f: string) => f.replace(/\n\s+/g, ' ');

describe('export and save', () => {
  it("exports at the scenario's sample count (as `prospector export`), with the CLI writer; asks before overwriting", async () => {
    const calls: any[] = [];
    const { app, dir } = setup(fakeScenarioModule(calls));
    await openMission(app);
    await type(app.stdin, 'e');
    let f = await waitFor(app.lastFrame, (s) => s.includes('bennu-yield.csv▏'), 'csv prompt');
    expect(flat(f)).toContain('Export the yield forecast (CSV) of the current plan (planned again at 500 samples first, as `prospector export`) to: bennu-yield.csv');
    await type(app.stdin, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (CSV)'), 'csv written', 10_000);
    expect(flat(f)).toContain('of the current plan, 500 samples (as `prospector export`)');
    expect(calls[calls.length - 1].__samples).toBe(500);
    const csv = readFileSync(join(dir, 'bennu-yield.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^scenario,target,element,year,arrival_date/);
    expect(csv).toContain('Pt,2036,2036-05-11');
    // The full plan became the current one: the next export writes it without planning again.
    await waitFor(app.lastFrame, (s) => s.includes('Plan: 500 samples'), 'full plan shown');
    const n = calls.length;
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => flat(s).includes('exists — Enter overwrites'), 'overwrite question');
    await type(app.stdin, KEY.esc);
    await waitFor(app.lastFrame, (s) => s.includes('Not written.'), 'cancelled overwrite');
    await type(app.stdin, 'E', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (JSON)'), 'json written');
    expect(calls.length).toBe(n);
    const doc = JSON.parse(readFileSync(join(dir, 'bennu-yield.json'), 'utf8'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.result.years[0].element).toBe('Pt');
  });

  it('refuses a file in a missing directory and an empty name, with the reason; nothing is written', async () => {
    const { app, dir } = setup();
    await openMission(app);
    await type(app.stdin, 'e', CTRL_U, ...'no-such-dir/x.csv'.split(''), KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('does not exist'), 'missing directory', 10_000);
    expect(flat(f)).toContain(`${join(dir, 'no-such-dir')} does not exist`);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
    await type(app.stdin, 'w', CTRL_U, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Give a file name (Esc cancels).'), 'empty name');
    await type(app.stdin, KEY.esc);
    await waitFor(app.lastFrame, (s) => s.includes('Not written.'), 'closed');
  });

  it('saves the scenario with its comments and a description of what changed', async () => {
    const { app, dir } = setup();
    await openMission(app);
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 're-planned', 10_000);
    await type(app.stdin, 'w');
    await waitFor(app.lastFrame, (s) => flat(s).includes('Save the scenario to: bennu-scenario.yaml▏'), 'save prompt');
    await type(app.stdin, CTRL_U, ...'edited.yaml'.split(''), KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('Saved the scenario'), 'saved');
    expect(flat(f)).toContain('(1 change from the file, noted in its description)');
    const text = readFileSync(join(dir, 'edited.yaml'), 'utf8');
    expect(text).toContain('# Fixture scenario for the TUI tests.');
    expect(text).toMatch(/power: 40 kW # was 60 kW in fixture\.yaml/);
    const saved = parseYaml(text);
    expect(saved.description).toMatch(/^Edited in prospector's planning session on \d{4}-\d\d-\d\d from fixture\.yaml: power @1 AU 40 kW \(was 60 kW\)\. Original description: A fixture scenario about Bennu\.$/);
    expect(saved.target.designation).toBe('1999 RQ36');
    expect(saved.spacecraft.dryMass).toEqual({ min: '2900 kg', mode: '3000 kg', max: '3600 kg' });
  });

  it('says plainly that export is unavailable when the export module is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-'));
    writeFileSync(join(dir, 'fixture.yaml'), FIXTURE_SCENARIO_YAML.replace('samples: 500', 'samples: 200'));
    const engine = async (d: Domain) =>
      d === 'catalog' ? { ok: true as const, value: fakeCatalog as Record<string, unknown> } : d === 'scenario' ? { ok: true as const, value: fakeScenarioModule() as Record<string, unknown> } : { ok: false as const, reason: `the ${d} module (src/${d}) is not available in this build` };
    const app = renderApp({ engine, cwd: dir, scenarioPath: 'fixture.yaml' });
    await openMission(app);
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => flat(s).includes('Export is not available: the export module'), 'unavailable');
    expect(existsSync(join(dir, 'bennu-yield.csv'))).toBe(false);
  });
});

describe('keep and compare', () => {
  it('labels kept plans by what changed, compares them, exports the selected one; x drops only kept plans', async () => {
    const { app, dir } = setup();
    await openMission(app);
    await type(app.stdin, 'k');
    await waitFor(app.lastFrame, (s) => s.includes('Kept plan #1 as in the file'), 'kept 1');
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 'second plan', 10_000);
    await type(app.stdin, 'k', '5');
    let f = await waitFor(app.lastFrame, (s) => s.includes('#2 power @1 AU 40 kW'), 'compare columns');
    expect(f).toContain('#1 as in the file');
    const power = f.split('\n').find((l) => l.startsWith('power'))!;
    expect(power).toMatch(/power\s+40\.0 kW\s+60\.0 kW\s+40\.0 kW/);
    // Headline basis, as in Mission: base case and P50 side by side.
    expect(f).toMatch(/NPV base case\s+-\$1\.62B/);
    expect(f).toMatch(/NPV P50\s+-\$1\.70B/);
    expect(f).toContain('◂ current plan ▸ 2 kept');
    await type(app.stdin, 'x');
    await waitFor(app.lastFrame, (s) => s.includes('The current plan cannot be dropped'), 'refused');
    // Select kept plan #1 (60 kW) and export it: its own numbers, planned again at the full count.
    await type(app.stdin, KEY.right);
    f = await waitFor(app.lastFrame, (s) => s.includes('◂ kept plan #1 as in the file (vs the scenario file) ▸'), 'selected #1');
    // An empty file name is refused (the prompt stays), then the proposed name is written.
    await type(app.stdin, 'e', CTRL_U, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Give a file name (Esc cancels).'), 'empty name refused');
    await type(app.stdin, KEY.esc, 'e');
    await waitFor(app.lastFrame, (s) => flat(s).includes('of kept plan #1 as in the file') && s.includes('bennu-kept1-yield.csv'), 'prompt for kept plan');
    await type(app.stdin, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (CSV)'), 'kept exported', 10_000);
    const csv = readFileSync(join(dir, 'bennu-kept1-yield.csv'), 'utf8');
    // p50 of the 60 kW fixture plan is 30 kg (the 40 kW one would be 20 kg).
    expect(csv.split('\n')[1]).toMatch(/,30(\.0+)?,/);
    await type(app.stdin, 'x');
    f = await waitFor(app.lastFrame, (s) => s.includes('Dropped kept plan #1'), 'dropped');
    await waitFor(app.lastFrame, (s) => s.includes('1 kept') || s.includes('#2 power @1 AU 40 kW ('), 'one left');
  });
});

describe('Supply view', () => {
  const elements = ['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru'];

  it('all elements reachable by scrolling, sentences wrapped not cut, basis stated', async () => {
    const { app, dir } = setup(fakeScenarioModule([], { elements }), { rows: 20 });
    await openMission(app);
    await type(app.stdin, '4');
    let f = await waitFor(app.lastFrame, (s) => s.includes('[4 Supply]') && s.includes('Supply ·'), 'supply');
    expect(flat(f)).toContain("base case (as Mission's cargo), per arrival year");
    expect(f).not.toContain('more)');
    expect(f).toMatch(/lines 1–\d+ of \d+ · ↑↓ PgUp PgDn scroll/);
    const seen = new Set<string>();
    let text = '';
    for (let page = 0; page < 8; page++) {
      for (const el of elements) if (new RegExp(`^${el} +\\d`, 'm').test(f)) seen.add(el);
      text += flat(f) + ' ';
      if (f.includes('launch') && f.includes('┤') && /lines \d+–(\d+) of \1/.test(f)) break;
      const footer = /lines \d+–\d+ of \d+/.exec(f)?.[0];
      await type(app.stdin, KEY.pageDown);
      f = await waitFor(app.lastFrame, (s) => s.includes('[4 Supply]') && /lines \d+–\d+ of \d+/.exec(s)?.[0] !== footer, 'next page');
    }
    expect([...seen].sort()).toEqual([...elements].sort());
    expect(text).toContain('parity: none — the orbital hardware alone costs more than the ground alternative, so no launch price reaches parity at these inputs');
    expect(text).not.toMatch(/[a-z]…/);
    expect(text).toContain('• orbital  ─ terrestrial');
    // Export works from here too; a file in a missing directory is refused with the reason.
    await type(app.stdin, 'e', CTRL_U, ...'gone/x.csv'.split(''), KEY.enter);
    await waitFor(app.lastFrame, (s) => flat(s).includes(`${join(dir, 'gone')} does not exist`), 'refused from supply', 10_000);
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (CSV)'), 'exported from supply', 10_000);
    expect(existsSync(join(dir, 'bennu-yield.csv'))).toBe(true);
  });

  it('the help lists only keys (no "o:" pseudo-key)', async () => {
    const { app } = setup();
    await openMission(app);
    await type(app.stdin, '4', '?');
    const f = await waitFor(app.lastFrame, (s) => s.includes('Keys — everywhere, in Supply'), 'help');
    expect(f).not.toMatch(/^\s*o:/m);
    expect(f).not.toMatch(/^chart/m);
  });
});
