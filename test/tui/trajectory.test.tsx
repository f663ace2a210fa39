// Trajectory view against the real trajectory engine (porkchop, round-trip search) on the fixture
// catalog, with a fake scenario module that records every planned document: the heatmap without
// colour, the cursor and best marks, and what Enter does on each porkchop (regressions: the
// return porkchop must not set the launch window; picks must not narrow the porkchop or outlive
// the target).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { loadModule, type Domain } from '../../cli/tui/engine.js';
import { BEST_MARK, CHARS, CURSOR_MARK, axisTicks, binPorkchop, levelOf, LEVELS } from '../../cli/tui/views/trajectory.js';
import { KEY, fakeCatalog, fakeEngine, renderApp, tick, type, waitFor } from './helpers.js';
import { FIXTURE_SCENARIO_YAML, fakeScenarioModule, type FixtureOpts } from './plan-fixture.js';
import { CTRL_U, lastDoc } from './setup.js';

afterEach(() => cleanup());

const SCENARIO_WINDOW = '2030-01-01..2034-12-31';
const flat = (f: string) => f.replace(/\n\s+/g, ' ');
const jd = (iso: string) => Date.parse(iso + 'T00:00:00Z') / 86400e3;

function setup(extra: FixtureOpts = {}, color = false, yaml = FIXTURE_SCENARIO_YAML) {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-traj-'));
  writeFileSync(join(dir, 'fixture.yaml'), yaml);
  const calls: any[] = [];
  const scenario = fakeScenarioModule(calls, extra);
  const engine = async (d: Domain) => {
    if (d === 'catalog') return { ok: true as const, value: fakeCatalog as Record<string, unknown> };
    if (d === 'scenario') return { ok: true as const, value: scenario as Record<string, unknown> };
    if (d === 'trajectory' || d === 'export') return loadModule(d);
    return fakeEngine({})(d);
  };
  const app = renderApp({ engine, color, cwd: dir, scenarioPath: 'fixture.yaml' });
  return { app, calls, dir };
}

/** Opens the porkchop of the scenario's target (Bennu) once its first plan is in. */
async function openPorkchop(app: ReturnType<typeof renderApp>, calls: any[]) {
  await waitFor(app.lastFrame, (s) => s.includes('target Bennu'), 'catalog and scenario', 15_000);
  await waitFor(() => String(calls.length), (n) => n !== '0', 'first plan', 10_000);
  await tick();
  await type(app.stdin, '2');
  return waitFor(app.lastFrame, (s) => s.includes(`${BEST_MARK} best`), 'porkchop', 20_000);
}

const cursorLine = (f: string) => f.split('\n').find((l) => l.startsWith(`${CURSOR_MARK} cursor`)) ?? '';
const plot = (f: string) => f.split('\n').filter((l) => l.includes('│')).map((l) => l.split('│')[1]);

describe('Trajectory view (real trajectory engine)', () => {
  it('a scenario without window.launch: the porkchop browses and the mission uses the default window from today (the session\'s date, passed to plan)', async () => {
    const yaml = FIXTURE_SCENARIO_YAML.replace('  launch: 2030-01-01..2034-12-31\n', '');
    expect(yaml).not.toBe(FIXTURE_SCENARIO_YAML);
    const { app, calls } = setup({}, false, yaml);
    const f = await openPorkchop(app, calls);
    expect(f).toContain('Bennu · Earth → asteroid · Δv km/s · launch 2026-12-05..2045-12-31');
    expect(flat(f)).toContain('Mission launch window 2026-12-05..2045-12-31 (the default: from today; ⏎ picks a trip)');
    expect(lastDoc(calls).__today).toBe('2026-12-05');
    expect(lastDoc(calls).window.launch).toBeUndefined();
  });

  it('monochrome: levels as characters; ◆ marks the best trip in the map and the legend line; ▣ is the cursor; axes; fits 80×24', async () => {
    const { app, calls } = setup();
    let f = await openPorkchop(app, calls);
    expect(f).toContain(`Bennu · Earth → asteroid · Δv km/s · launch ${SCENARIO_WINDOW}`);
    expect(f).toMatch(/@\d+\.\d %\d+\.\d #/);
    expect(f).toMatch(/[@%#*+=\-.]{3,}/);
    expect(cursorLine(f)).toMatch(/^▣ cursor \d{4}-\d\d-\d\d \+\d+ d: Δv \d+\.\d\d km\/s/);
    expect(f).toContain('TOF d');
    expect(f).toMatch(/2031\s+2032/);
    // The cursor glyph is none of the level characters, and appears once.
    expect(CHARS).not.toContain(CURSOR_MARK);
    expect(CHARS).not.toContain(BEST_MARK);
    expect(plot(f).join('').split(CURSOR_MARK)).toHaveLength(2);
    for (const l of f.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThan(24);
    // Move off the best cell: the map then shows ◆ where the best line says the best trip is.
    const at0 = cursorLine(f);
    await type(app.stdin, KEY.left, KEY.left, KEY.up);
    f = await waitFor(app.lastFrame, (s) => cursorLine(s) !== at0, 'cursor moved');
    expect(plot(f).join('').split(BEST_MARK)).toHaveLength(2);
    expect(f).toMatch(new RegExp(`${BEST_MARK} best \\d+\\.\\d\\d km/s: \\d{4}-\\d\\d-\\d\\d \\+\\d+ d`));
    expect(f).not.toMatch(/\bX\b.*best|best.*\bX\b/);
    await type(app.stdin, 'b');
    await waitFor(app.lastFrame, (s) => cursorLine(s) === at0, 'back to best');
  });

  it('Enter on the Earth → asteroid porkchop sets the mission launch window only: the porkchop keeps its window, r restores, a new target resets it', async () => {
    const { app, calls } = setup();
    await openPorkchop(app, calls);
    await type(app.stdin, KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => s.includes('Mission launch window 20') && flat(s).includes('around the pick); re-planning'), 'picked');
    const [, from, to] = /Mission launch window (\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)/.exec(f)!;
    expect(jd(to) - jd(from)).toBe(60);
    await waitFor(() => String(lastDoc(calls).window.launch), (w) => w === `${from}..${to}`, 'planned with the picked window', 10_000);
    f = await waitFor(app.lastFrame, (s) => /Round trips, launch ≈/.test(s) || s.includes('Round trip (launch'), 'round trip searched', 30_000);
    // The porkchop still browses the scenario's whole window, with its year axis.
    expect(f).toContain(`launch ${SCENARIO_WINDOW}`);
    expect(f).toMatch(/2031\s+2032/);
    expect(flat(f)).toContain(`Mission launch ${from}..${to} (picked; r restores ${SCENARIO_WINDOW})`);
    // Still so after a trip to another view.
    await type(app.stdin, '3');
    await waitFor(app.lastFrame, (s) => s.includes('[3 Mission]'), 'mission');
    await type(app.stdin, '2');
    f = await waitFor(app.lastFrame, (s) => s.includes(`${BEST_MARK} best`), 'porkchop again', 20_000);
    expect(f).toContain(`launch ${SCENARIO_WINDOW}`);
    // r: the scenario's mission window again.
    await type(app.stdin, 'r');
    await waitFor(app.lastFrame, (s) => s.includes(`Mission window restored to the scenario's ${SCENARIO_WINDOW}`), 'restored');
    await waitFor(() => String(lastDoc(calls).window.launch), (w) => w === SCENARIO_WINDOW, 'planned with the scenario window', 10_000);
    // Pick again, then choose another target: the picked window does not carry over.
    await type(app.stdin, KEY.enter);
    await waitFor(() => String(lastDoc(calls).window.launch), (w) => w !== SCENARIO_WINDOW, 'picked again', 10_000);
    await type(app.stdin, '1', '/', ...'SG344'.split(''), KEY.enter); // Enter on the search picks the match
    f = await waitFor(app.lastFrame, (s) => s.includes('target 2000 SG344'), 'new target');
    expect(flat(f)).toContain(`mission window back to the scenario's ${SCENARIO_WINDOW}`);
    await waitFor(() => `${lastDoc(calls).target.designation}|${lastDoc(calls).window.launch}`, (v) => v === `2000 SG344|${SCENARIO_WINDOW}`, 'planned the new target with the scenario window', 10_000);
  });

  it("Enter on the asteroid → Earth porkchop sets the stay and total from the plan's outbound leg, not the launch window from the departure", async () => {
    const { app, calls } = setup({ launch: '2030-01-10', arrival: '2030-03-01' });
    await openPorkchop(app, calls);
    await type(app.stdin, 'd');
    const f = await waitFor(app.lastFrame, (s) => s.includes('asteroid → Earth') && s.includes(`${BEST_MARK} best`), 'return porkchop', 20_000);
    expect(f).toContain(`departure ${SCENARIO_WINDOW}`);
    const [, depart, tof] = /▣ cursor (\d{4}-\d\d-\d\d) \+(\d+) d/.exec(cursorLine(f))!;
    const n = calls.length;
    await type(app.stdin, KEY.enter);
    const g = await waitFor(app.lastFrame, (s) => s.includes('Return picked'), 'return picked', 15_000);
    const [, stay, total] = /Return picked: stay ≥ (\d+) d and total ≤ (\d+) d around the plan's launch 2030-01-10/.exec(flat(g))!;
    const minStay = Number(stay);
    const maxTotal = Number(total);
    // Whole 8-day grid steps of stay from the planned arrival to the picked departure…
    expect(minStay).toBe(Math.floor((jd(depart) - jd('2030-03-01')) / 8) * 8);
    // …and the total up to the picked return, plus one grid step of slack (the leg grid's dates
    // are TDB Julian dates, a fraction of a day off the calendar date shown).
    expect(maxTotal - (jd(depart) + Number(tof) - jd('2030-01-10'))).toBeGreaterThanOrEqual(8);
    expect(maxTotal - (jd(depart) + Number(tof) - jd('2030-01-10'))).toBeLessThanOrEqual(9);
    await waitFor(() => String(calls.length > n), (v) => v === 'true', 're-planned', 10_000);
    const w = lastDoc(calls).window;
    expect(w.minStayDays).toBe(`${minStay} d`);
    expect(w.maxTotalDays).toBe(`${maxTotal} d`);
    // The launch window stays around the plan's launch; it is not derived from the departure date.
    expect(w.launch).toBe('2029-12-11..2030-02-09');
  });

  it('the return porkchop refuses a departure before the planned arrival (and says why); nothing is re-planned', async () => {
    const { app, calls } = setup({ launch: '2039-06-01', arrival: '2040-01-01' });
    await openPorkchop(app, calls);
    await type(app.stdin, 'd');
    await waitFor(app.lastFrame, (s) => s.includes('asteroid → Earth') && s.includes(`${BEST_MARK} best`), 'return porkchop', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const n = calls.length;
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('before the plan arrives there'), 'refused');
    expect(flat(f)).toMatch(/That return leaves the asteroid on \d{4}-\d\d-\d\d, before the plan arrives there \(2040-01-01\)/);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(n);
  });

  it('exports the current plan from the Trajectory view; an unwritable name is refused', async () => {
    const { app, calls, dir } = setup();
    await openPorkchop(app, calls);
    await type(app.stdin, 'e', CTRL_U, ...'nodir/y.csv'.split(''), KEY.enter);
    await waitFor(app.lastFrame, (s) => flat(s).includes('does not exist'), 'refused', 10_000);
    await type(app.stdin, 'e', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('Exported the yield forecast (CSV)'), 'exported', 10_000);
    expect(readFileSync(join(dir, 'bennu-yield.csv'), 'utf8')).toMatch(/^scenario,target,element,year/);
  });

  it('d switches to the asteroid → Earth porkchop; ] shifts the browsing window a year; r brings it back', async () => {
    const { app, calls } = setup();
    await openPorkchop(app, calls);
    await type(app.stdin, 'd');
    let f = await waitFor(app.lastFrame, (s) => s.includes('asteroid → Earth') && s.includes(`${BEST_MARK} best`), 'return porkchop', 20_000);
    expect(f).toMatch(/2031\s+2032/);
    await type(app.stdin, ']');
    f = await waitFor(app.lastFrame, (s) => s.includes('departure 2031-01-01..2035-12-31') && s.includes(`${BEST_MARK} best`), 'window shifted', 20_000);
    expect(f).toContain('asteroid → Earth');
    await type(app.stdin, 'r');
    await waitFor(app.lastFrame, (s) => s.includes(`departure ${SCENARIO_WINDOW}`) && s.includes(`${BEST_MARK} best`), 'window restored', 20_000);
  });

  it('says plainly when the trajectory module is missing', async () => {
    const eng = async (d: Domain) => (d === 'catalog' ? { ok: true as const, value: fakeCatalog as Record<string, unknown> } : fakeEngine({})(d));
    const app = renderApp({ engine: eng, cwd: '/nonexistent-dir-for-test', scenarioPath: 'none.yaml' });
    await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'catalog');
    await tick();
    await type(app.stdin, KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('not available'), 'unavailable');
    expect(f).toContain('The porkchop is not available');
    expect(f).not.toContain(`${BEST_MARK} best`);
  });
});

describe('heatmap binning and axis', () => {
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

  it('a window shorter than two years still gets a date axis (months)', () => {
    const jd0 = Date.UTC(2035, 6, 4) / 86400e3 + 2440587.5;
    const ticks = axisTicks(jd0, jd0 + 60, 31);
    expect(ticks).toMatch(/2035-0[89]/);
    expect(ticks.length).toBe(31);
    const years = axisTicks(jd0, jd0 + 9 * 365, 72);
    expect(years).toMatch(/2036\s+2037/);
  });
});
