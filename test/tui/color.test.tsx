// Colour, for real: the test suite runs with FORCE_COLOR=0 (chalk then emits no escape codes at
// all, so any colour assertion would pass vacuously). This file raises chalk to truecolor before
// ink is first imported (it reads FORCE_COLOR once, at import) and checks the escape codes:
// coloured heatmap cells with colour on; with colour off (NO_COLOR), no colour code anywhere but
// the emphasis that is not colour (inverse, bold) still marks the selection.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// FORCE_COLOR sets a minimum only; with TERM=xterm chalk's detection still answers 16 colours, so
// COLORTERM says truecolor (as terminals that have it do).
process.env.FORCE_COLOR = '3';
process.env.COLORTERM = 'truecolor';

type Helpers = typeof import('./helpers.js');
let h: Helpers;
let cleanup: () => void;
let loadModule: typeof import('../../cli/tui/engine.js').loadModule;
let COLOURS: string[];

beforeAll(async () => {
  h = await import('./helpers.js');
  ({ cleanup } = await import('ink-testing-library'));
  ({ loadModule } = await import('../../cli/tui/engine.js'));
  ({ COLOURS } = await import('../../cli/tui/views/trajectory.js'));
});
afterEach(() => cleanup?.());

const ESC = '\u001B';
/** SGR background for a #rrggbb colour at truecolor. */
const bg = (hex: string) => `${ESC}[48;2;${parseInt(hex.slice(1, 3), 16)};${parseInt(hex.slice(3, 5), 16)};${parseInt(hex.slice(5, 7), 16)}m`;
// eslint-disable-next-line no-control-regex
const COLOUR_SGR = /\u001B\[(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|38;[25];[\d;]+|48;[25];[\d;]+)m/;
// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

async function open(color: boolean) {
  const engine = async (d: import('../../cli/tui/engine.js').Domain) =>
    d === 'catalog' ? { ok: true as const, value: h.fakeCatalog as Record<string, unknown> } : d === 'trajectory' ? loadModule(d) : h.fakeEngine({})(d);
  const app = h.renderApp({ engine, color, cwd: '/nonexistent-dir-for-test', scenarioPath: 'none.yaml' });
  await h.waitFor(app.lastFrame, (s) => strip(s).includes('Bennu'), 'catalog', 15_000);
  await h.type(app.stdin, h.KEY.enter);
  const f = await h.waitFor(app.lastFrame, (s) => strip(s).includes('◆ best'), 'porkchop', 20_000);
  return { app, f };
}

describe('colour in the terminal UI (chalk forced to truecolor in this file)', () => {
  it('colour on: heatmap cells carry the level colours as backgrounds; the legend too', async () => {
    const { f } = await open(true);
    const plotRows = f.split('\n').filter((l) => strip(l).includes('│'));
    // The best level's colour is on the map (the best trip is in it), and several levels appear.
    expect(plotRows.join('')).toContain(bg(COLOURS[0]));
    expect(COLOURS.filter((c) => plotRows.join('').includes(bg(c))).length).toBeGreaterThanOrEqual(3);
    // Cells are coloured blanks: no level characters on the map.
    for (const l of plotRows) expect(strip(l).split('│')[1]).toMatch(/^[ ▣◆]*$/);
    // The legend shows every level colour.
    const legend = f.split('\n').find((l) => strip(l).includes('blank >'))!;
    for (const c of COLOURS) expect(legend).toContain(bg(c));
  });

  it('colour off (NO_COLOR): no colour code at all, yet the cursor, the active tab and the selected row are emphasised', async () => {
    const { app, f } = await open(false);
    expect(f).not.toMatch(COLOUR_SGR);
    // The cursor cell and the active tab are drawn inverse (SGR 7), which is emphasis, not colour.
    expect(f).toContain(`${ESC}[7m`);
    const plotRows = f.split('\n').filter((l) => strip(l).includes('│'));
    expect(plotRows.some((l) => l.includes(`${ESC}[7m`) && l.includes('▣'))).toBe(true);
    const tabs = f.split('\n')[0];
    expect(strip(tabs)).toContain('[2 Trajectory]');
    expect(tabs).toMatch(/\u001B\[(?:1;)?7m|\u001B\[7m/);
    // Targets: the cursor row is inverse and also marked with '>'.
    await h.type(app.stdin, '1');
    const t = await h.waitFor(app.lastFrame, (s) => strip(s).includes('[1 Targets]') && strip(s).includes('sort Δv'), 'targets');
    expect(t).not.toMatch(COLOUR_SGR);
    const cursorRow = t.split('\n').find((l) => strip(l).startsWith('>'))!;
    expect(cursorRow).toContain(`${ESC}[7m`);
  });
});
