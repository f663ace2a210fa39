// The shell (tabs, status and key lines, help, warnings, exit codes) and the target browser.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, fakeCatalog, fakeEngine, renderApp, tick, type, waitFor } from './helpers.js';
import { HELP } from '../../cli/tui/app.js';
import { VIEWS, keyLines } from '../../cli/tui/components.js';

afterEach(() => cleanup());

const lines = (f: string) => f.split('\n');
const fits = (f: string, columns = 80, rows = 24) => {
  expect(lines(f).length).toBeLessThan(rows);
  for (const l of lines(f)) expect(l.length).toBeLessThanOrEqual(columns);
};

/** A catalog whose Ceres-like body has many elements, an analogue and long warnings. */
const richCatalog = {
  ...fakeCatalog,
  compositionFor: () => ({
    basis: 'class',
    analogues: [{ analogue: 'carbonaceous', label: 'CI chondrite (CI→CM)', probability: 1 }],
    elements: Object.fromEntries(['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru', 'Fe', 'Ni', 'Co', 'H2O', 'La', 'Nd', 'Dy', 'Ga', 'Ge'].map((el, k) => [el, { p50: 1e-6 * (k + 1) }])),
  }),
  targetWarnings: () => [
    'stale orbit: epoch is 4.4 years old; two-body propagation from it drifts (perturbations), so use --catalog with a fresh MPC/SBDB export for trajectory work',
    'poorly determined orbit: MPC uncertainty U = 9 (0 best … 9 worst); positions years from the epoch may be off by degrees',
  ],
};

describe('TUI shell and target browser', () => {
  it('draws tabs, status and key lines within 80×24, strictly below the terminal height', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    const f = await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'catalog rows');
    expect(f).toContain('[1 Targets]');
    expect(f).toContain('5 Compare');
    expect(f).toContain('? help  ! warn  q quit');
    fits(f);
  });

  it("every view's key line fits an 80-column terminal whole (79 columns: the last is left free)", () => {
    for (const v of VIEWS) {
      const ls = keyLines(HELP[v.id].keys, 79);
      expect(ls, v.id).toHaveLength(1);
      expect(ls[0], v.id).not.toContain('…');
      expect(ls[0].endsWith('? help  ! warn  q quit'), v.id).toBe(true);
    }
  });

  it('sorts by Δv by default; the cursor row carries a > marker (visible without colour); details follow it', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    let f = await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    const rows = lines(f).filter((l) => /2000 SG344|Ryugu|Bennu/.test(l.slice(0, 46)));
    // Lowest Shoemaker–Helin Δv first: 2000 SG344 (3.56), Ryugu (4.64), Bennu (5.09).
    expect(rows[0]).toMatch(/^> 2000 SG344/);
    expect(rows[1]).toMatch(/^ {2}\(162173\) Ryugu/);
    await tick();
    await type(app.stdin, KEY.down);
    f = await waitFor(app.lastFrame, (s) => s.includes('1999 JU3 · Apollo'), 'Ryugu details');
    expect(lines(f).find((l) => l.includes('Ryugu') && l.includes('Apollo'))).toMatch(/^> \(162173\) Ryugu/);
    expect(f).toContain('Composition');
    expect(f).toMatch(/Pt 0\.925 ppm/);
  });

  it('incremental search with / narrows the table, Esc clears it', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '/', 'b', 'e', 'n');
    let f = await waitFor(app.lastFrame, (s) => s.includes('1/37'), 'one match');
    expect(f).toContain('Bennu');
    expect(f).not.toContain('Ryugu');
    // While typing, q is text, not quit.
    await type(app.stdin, 'q');
    expect(app.exits).toEqual([]);
    await type(app.stdin, KEY.esc);
    f = await waitFor(app.lastFrame, (s) => s.includes('37/37'), 'search cleared');
  });

  it('filters by class and by max Δv, and rejects a Δv that is not a speed', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, 'c', 'c'); // all → Atira → Aten
    let f = await waitFor(app.lastFrame, (s) => s.includes('class Aten'));
    expect(f).toContain('1/37');
    await type(app.stdin, 'x', 'v', '5', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('Δv ≤5'));
    expect(f).toContain('2/37'); // SG344 3.56, Ryugu 4.64
    await type(app.stdin, 'v', KEY.backspace, 'f', 'a', 's', 't', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes("'fast' is not a speed"));
  });

  it('switching views keeps the sort, filters, search and cursor', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, 's', 'r', 'c', 'c', 'c'); // sort by size, reversed; class Apollo
    // Enter on the search keeps it and picks the highlighted match (the Trajectory view opens).
    await type(app.stdin, '/', '2', '0', '2', '0', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('[2 Trajectory]') && /target 2020 /.test(s), 'search match picked');
    await type(app.stdin, '1', KEY.down, KEY.down);
    const before = await waitFor(app.lastFrame, (s) => s.includes('sort size↓') && s.includes('class Apollo') && s.includes('/2020'), 'filtered');
    const cursorRow = lines(before).find((l) => l.startsWith('>'))!;
    expect(cursorRow).toBeDefined();
    await type(app.stdin, '4');
    await waitFor(app.lastFrame, (s) => s.includes('[4 Supply]'), 'supply');
    await type(app.stdin, '1');
    const after = await waitFor(app.lastFrame, (s) => s.includes('[1 Targets]') && s.includes('sort size↓'), 'back to targets');
    expect(after).toContain('class Apollo');
    expect(after).toContain('/2020');
    expect(lines(after).find((l) => l.startsWith('>'))).toBe(cursorRow);
  });

  it('marks rows that cannot be planned (no size) and refuses Enter with the reason; a later success clears it', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '/', 'K', 'Z', '5', '0', KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => s.includes('1/37'), 'KZ50 only');
    expect(lines(f).find((l) => l.includes('2010 KZ50') && l.includes('Amor'))).toMatch(/^>✗2010 KZ50/);
    // The details pane says why (wrapped beside the table).
    expect(f).toContain('✗ 2010 KZ50 cannot be planned: no');
    await type(app.stdin, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('2010 KZ50 cannot be planned') && s.includes('Pick another target'), 'refusal');
    expect(f).toContain('[1 Targets]');
    expect(f).toContain('no target');
    // A later success (picking a plannable target) replaces the error.
    await type(app.stdin, '/', KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, 'b', 'e', 'n', KEY.enter, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('target Bennu'), 'picked Bennu');
    expect(f).not.toContain('cannot be planned');
  });

  it("the refusal is about its row: moving the cursor off it clears the message; other messages stay", async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '/', 'K', 'Z', '5', '0', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('1/37'), 'KZ50 only');
    await type(app.stdin, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Pick another target'), 'refusal');
    // Clear the filter: the cursor lands on another row, and the message about 2010 KZ50 goes.
    await type(app.stdin, '/', KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => !s.includes('/KZ50') && s.includes('Bennu'), 'unfiltered');
    await tick();
    f = app.lastFrame() ?? '';
    expect(lines(f).find((l) => l.startsWith('>'))).not.toMatch(/2010 KZ50/);
    expect(f).not.toContain('Pick another target');
    // Arrow keys the same way: back onto the row, Enter, then ↓.
    await type(app.stdin, '/', 'K', 'Z', '5', '0', KEY.enter, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Pick another target'), 'refusal again');
    await type(app.stdin, '/', KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.enter, 'G');
    f = await waitFor(app.lastFrame, (s) => !s.includes('Pick another target'), 'cleared after the cursor moved');
    expect(f).not.toContain('cannot be planned: no size');
  });

  it('details show every composition element and the analogue, warnings whole; i opens them all, scrollable', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: richCatalog }) });
    let f = await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    // The side pane wraps warnings at word boundaries, never mid-word, and says where the rest is.
    expect(f).toMatch(/more lines: i shows all/);
    await tick();
    await type(app.stdin, 'i');
    f = await waitFor(app.lastFrame, (s) => s.includes('Details: 2000 SG344'), 'details pager');
    expect(f).toContain('analogue: CI chondrite (CI→CM)');
    for (const el of ['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru', 'Fe', 'Ni', 'Co', 'H2O', 'La', 'Nd', 'Dy', 'Ga', 'Ge']) expect(f).toMatch(new RegExp(`\\b${el} \\d`));
    expect(f.replace(/\n\s+/g, ' ')).toContain('so use --catalog with a fresh MPC/SBDB export for trajectory work');
    expect(f.replace(/\n\s+/g, ' ')).toContain('positions years from the epoch may be off by degrees');
    fits(f);
    await type(app.stdin, KEY.esc);
    await waitFor(app.lastFrame, (s) => !s.includes('Details: 2000 SG344') && s.includes('sort Δv'), 'closed');
  });

  it('Enter picks the target and opens the trajectory view', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('target 2000 SG344'));
    expect(f).toContain('Target: 2000 SG344');
    expect(f).toContain('[2 Trajectory]');
  });

  it('says plainly when the catalog module is missing', async () => {
    const app = renderApp({ engine: fakeEngine({}) });
    const f = await waitFor(app.lastFrame, (s) => s.includes('not available'));
    expect(f).toContain('The target catalog is not available');
    expect(f).not.toMatch(/\d\.\d\d km\/s/);
  });

  it('? opens the full help (wrapped, with g/G and the text-box keys), any other key closes it; q exits 0 and Ctrl+C 130', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }), rows: 60 });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '?');
    const f = await waitFor(app.lastFrame, (s) => s.includes('Keys — everywhere'));
    expect(f).toContain('g / G, Home / End');
    expect(f).toContain('Text boxes');
    expect(f).toContain('Backspace, Ctrl+U');
    expect(f).toContain('← → Home End');
    expect(f).not.toContain('…');
    expect(f).not.toMatch(/^o:/m);
    await type(app.stdin, 'q');
    await waitFor(app.lastFrame, (s) => !s.includes('Keys — everywhere'));
    expect(app.exits).toEqual([]);
    await type(app.stdin, 'q');
    expect(app.exits).toEqual([0]);
    await type(app.stdin, KEY.ctrlC);
    expect(app.exits).toEqual([0, 130]);
  });

  it('the help scrolls on a short terminal instead of cutting entries', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '?');
    let f = await waitFor(app.lastFrame, (s) => s.includes('Keys — everywhere'));
    expect(f).toMatch(/lines 1–\d+ of \d+ · ↑↓ PgUp PgDn scroll/);
    fits(f);
    await type(app.stdin, 'G');
    f = await waitFor(app.lastFrame, (s) => s.includes('Backspace, Ctrl+U'), 'end of help');
    expect(f).toContain('Keys — everywhere');
  });

  it('switches views with digits and Tab', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '4');
    await waitFor(app.lastFrame, (s) => !s.includes('Bennu'));
    await type(app.stdin, KEY.tab);
    await type(app.stdin, KEY.tab);
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'back to targets after wrapping');
  });
});
