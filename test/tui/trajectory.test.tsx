// Trajectory view against the real engine (bundled catalog, porkchop and round-trip search):
// heatmap in colour and monochrome, cursor, best trip, picking a trip.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { loadModule, type Domain } from '../../cli/tui/engine.js';
import { binPorkchop, levelOf, LEVELS } from '../../cli/tui/views/trajectory.js';
import { KEY, fakeEngine, renderApp, type, waitFor } from './helpers.js';

afterEach(() => cleanup());

// Real catalog and trajectory code; no scenario (the view then uses the scenario schema's default window).
const engine = async (d: Domain) => (d === 'catalog' || d === 'trajectory' ? loadModule(d) : fakeEngine({})(d));

async function openPorkchop(color: boolean) {
  const app = renderApp({ engine, color, cwd: '/nonexistent-dir-for-test', scenarioPath: 'none.yaml' });
  await waitFor(app.lastFrame, (s) => s.includes('2010 KZ50') || s.includes('/—'), 'catalog', 15_000);
  await type(app.stdin, '/', ...'2000 SG344'.split(''), KEY.enter, KEY.enter);
  const f = await waitFor(app.lastFrame, (s) => s.includes('best ◆'), 'porkchop', 15_000);
  return { app, f };
}

describe('Trajectory view (real engine)', () => {
  it('monochrome: levels as characters, best trip marked, cursor info, axes; fits 80×24', async () => {
    const { app, f } = await openPorkchop(false);
    expect(f).toContain('2000 SG344 · Earth → asteroid total Δv');
    // Characters by level (the legend maps them to km/s) and the best-trip mark.
    expect(f).toMatch(/@\d\.\d %\d\.\d #/);
    expect(f).toMatch(/[@%#*+=\-.]{3,}/);
    expect(f).toMatch(/cursor \d{4}-\d\d-\d\d \+\d+ d: Δv \d\.\d\d/);
    expect(f).toContain('TOF d');
    expect(f).toMatch(/2031\s+2032/);
    const lines = f.split('\n');
    expect(lines.length).toBeLessThan(24);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    // The cursor starts on the best cell: moving it changes the reported trip; b returns.
    const cursor0 = lines.find((l) => l.startsWith('cursor'))!;
    await type(app.stdin, KEY.left, KEY.left, KEY.up);
    const moved = await waitFor(app.lastFrame, (s) => !s.includes(cursor0.slice(0, 30)), 'cursor moved');
    expect(moved).toMatch(/cursor \d{4}-\d\d-\d\d/);
    await type(app.stdin, 'b');
    await waitFor(app.lastFrame, (s) => s.includes(cursor0.slice(0, 30)), 'back to best');
  });

  it('colour: cells are coloured blanks (no level characters), legend in colour', async () => {
    const { f } = await openPorkchop(true);
    const plot = f.split('\n').filter((l) => l.includes('│'));
    expect(plot.length).toBeGreaterThan(4);
    // FORCE_COLOR=0 in tests strips the colours, so a coloured map shows only blanks and marks.
    for (const l of plot) expect(l.split('│')[1]).toMatch(/^[ +◆]*$/);
  });

  it('Enter on a cell searches round trips around that launch and shows the summary', async () => {
    const { app } = await openPorkchop(false);
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('Round trip min Δv:') || s.includes('Round trip 2'), 'round trip', 20_000);
    expect(f).toMatch(/Round trip min Δv: \d{4}-\d\d-\d\d out \d+ \+ stay \d+ \+ back \d+ = \d+ d, Δv \d+\.\d\d km\/s/);
  });

  it('d switches to the asteroid → Earth porkchop; ] shifts the launch window a year', async () => {
    const { app } = await openPorkchop(false);
    await type(app.stdin, 'd');
    let f = await waitFor(app.lastFrame, (s) => s.includes('asteroid → Earth total Δv') && s.includes('best ◆'), 'return porkchop', 15_000);
    expect(f).toMatch(/2031\s+2032/);
    await type(app.stdin, ']');
    f = await waitFor(app.lastFrame, (s) => /2032\s+2033/.test(s) && !/2031\s+2032/.test(s) && s.includes('best ◆'), 'window shifted', 15_000);
    expect(f).toContain('asteroid → Earth');
  });

  it('says plainly when the trajectory module is missing', async () => {
    const eng = async (d: Domain) => (d === 'catalog' ? loadModule(d) : fakeEngine({})(d));
    const app = renderApp({ engine: eng, cwd: '/nonexistent-dir-for-test', scenarioPath: 'none.yaml' });
    await waitFor(app.lastFrame, (s) => s.includes('/—'), 'catalog', 15_000);
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('not available'), 'unavailable');
    expect(f).toContain('The porkchop is not available');
    expect(f).not.toContain('best ◆');
  });
});

describe('heatmap binning', () => {
  it('keeps the minimum of each block and the index of that cell; levels run best → worst', () => {
    // 4 launches × 2 flight times, binned to 2 × 1: each display cell is the min of a 2×2 block.
    const dv = Float64Array.from([5, 7, 6, NaN, 9, 4.5, 8, 8]);
    const pc = { launchJd: new Float64Array(4), tofDays: new Float64Array(2), dvTotal: dv, best: { dvTotalKmS: 4.5 } } as never;
    const h = binPorkchop(pc, 2, 1);
    expect(Array.from(h.dv)).toEqual([5, 4.5]);
    expect(Array.from(h.arg)).toEqual([0, 5]);
    expect(levelOf(4.5, h.lo, h.hi)).toBe(0);
    expect(levelOf(h.hi - 1e-9, h.lo, h.hi)).toBe(LEVELS - 1);
    expect(levelOf(h.hi + 1, h.lo, h.hi)).toBe(-1);
    expect(levelOf(NaN, h.lo, h.hi)).toBe(-1);
  });
});
