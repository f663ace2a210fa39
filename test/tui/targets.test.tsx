import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, fakeCatalog, fakeEngine, renderApp, tick, type, waitFor } from './helpers.js';

afterEach(() => cleanup());

const lines = (f: string) => f.split('\n');

describe('TUI shell and target browser', () => {
  it('draws tabs, status and key lines within 80×24 and strictly below the terminal height', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    const f = await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'catalog rows');
    expect(f).toContain('1 Targets');
    expect(f).toContain('5 Compare');
    expect(f).toContain('? help  q quit');
    expect(lines(f).length).toBeLessThan(24);
    for (const l of lines(f)) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('sorts by Δv by default and moves the cursor; details follow the cursor', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    let f = await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    const rows = lines(f).filter((l) => /\d\.\d\d\s*$/.test(l.slice(0, 46).trimEnd()) || /2000 SG344|Ryugu|Bennu/.test(l.slice(0, 46)));
    // Lowest Shoemaker–Helin Δv first: 2000 SG344 (3.56), Ryugu (4.64), Bennu (5.09).
    expect(rows[0]).toContain('2000 SG344');
    expect(rows[1]).toContain('Ryugu');
    await tick();
    await type(app.stdin, KEY.down);
    f = await waitFor(app.lastFrame, (s) => s.includes('1999 JU3 · Apollo'), 'Ryugu details');
    expect(f).toContain('Composition');
    expect(f).toMatch(/Pt 0\.925 ppm/);
  });

  it('incremental search with / narrows the table, Esc clears it', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '/', 'b', 'e', 'n');
    let f = await waitFor(app.lastFrame, (s) => s.includes('1/36'), 'one match');
    expect(f).toContain('Bennu');
    expect(f).not.toContain('Ryugu');
    // While typing, q is text, not quit.
    await type(app.stdin, 'q');
    expect(app.exits).toEqual([]);
    await type(app.stdin, KEY.esc);
    f = await waitFor(app.lastFrame, (s) => s.includes('36/36'), 'search cleared');
  });

  it('filters by class and by max Δv, and rejects a Δv that is not a speed', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, 'c', 'c'); // all → Atira → Aten
    let f = await waitFor(app.lastFrame, (s) => s.includes('class Aten'));
    expect(f).toContain('1/36');
    await type(app.stdin, 'x', 'v', '5', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('Δv ≤5'));
    expect(f).toContain('2/36'); // SG344 3.56, Ryugu 4.64
    await type(app.stdin, 'v', KEY.backspace, 'f', 'a', 's', 't', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes("'fast' is not a speed"));
  });

  it('Enter picks the target and opens the trajectory view', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('target 2000 SG344'));
    expect(f).toContain('Target: 2000 SG344');
  });

  it('says plainly when the catalog module is missing', async () => {
    const app = renderApp({ engine: fakeEngine({}) });
    const f = await waitFor(app.lastFrame, (s) => s.includes('not available'));
    expect(f).toContain('The target catalog is not available');
    expect(f).not.toMatch(/\d\.\d\d km\/s/);
  });

  it('? opens the full help, any key closes it; q exits 0 and Ctrl+C 130', async () => {
    const app = renderApp({ engine: fakeEngine({ catalog: fakeCatalog }) });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'));
    await tick();
    await type(app.stdin, '?');
    await waitFor(app.lastFrame, (s) => s.includes('Keys — everywhere'));
    await type(app.stdin, 'q');
    await waitFor(app.lastFrame, (s) => !s.includes('Keys — everywhere'));
    expect(app.exits).toEqual([]);
    await type(app.stdin, 'q');
    expect(app.exits).toEqual([0]);
    await type(app.stdin, KEY.ctrlC);
    expect(app.exits).toEqual([0, 130]);
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
