// Mission view: in-place edits with units, uncertainty triples and preset choices, plausibility,
// live re-planning, cancellation, the results pane (P10/P50/P90, shared-scale bars, NPV basis,
// scrolling), the warnings overlay.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, type, waitFor } from './helpers.js';
import { fakeScenarioModule } from './plan-fixture.js';
import { CAPSULES, CTRL_U, lastDoc, openMission, row, setup } from './setup.js';

afterEach(() => cleanup());


describe('Mission view', () => {
  it('shows the parameters with units and the results: P10/P50/P90 numbers, heat load, capsule band, NPV basis', async () => {
    const { app } = setup();
    const f = await openMission(app);
    expect(row(f, 'power @1 AU')).toMatch(/^>power @1 AU {4}60 kW/);
    expect(f).toContain('2900‥3000‥3600 kg');
    expect(f).toContain('0.3‥0.5‥0.7');
    expect(f).toContain('0.4/0.5/0.6');
    expect(f).toContain('Plan: 200 samples, live (p: 500)');
    expect(f).toContain('SEP 60.0 kW 1.89 N, prop 1.28 t: feasible');
    expect(f).toContain('Base case: 60.0 kg refined, 60.0 kg home');
    expect(f).toMatch(/P10 +P50 +P90/);
    expect(f).toMatch(/delivered +42\.0 kg 60\.0 kg 78\.0 kg/);
    expect(f).toMatch(/Pt +·*━+█━+·* 21\.0 kg 30\.0 kg 39\.0 kg/);
    expect(f).toContain('Capsules 4 × 45.8 kg (Stardust SRC-class)');
    expect(f).toContain('P10–P90 3–5 capsules; entry 12.0 km/s');
    expect(f).toContain('peak 34 g, 656 W/cm², load 18.8 kJ/cm²');
    expect(f).toContain('NPV base case -$1.62B');
    expect(f).toContain('P10 -$2.04B P50 -$1.70B P90 -$1.36B');
    expect(f).toContain('! 1 warning: press ! to read it');
    for (const l of f.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThan(24);
  });

  it('the selected field carries a > marker that moves with ↑ ↓ (visible without colour)', async () => {
    const { app } = setup();
    let f = await openMission(app);
    expect(f.split('\n').filter((l) => l.startsWith('>'))).toHaveLength(1);
    await type(app.stdin, KEY.down);
    f = await waitFor(app.lastFrame, (s) => row(s, 'dry mass').startsWith('>'), 'marker on dry mass');
    expect(row(f, 'power @1 AU').startsWith(' ')).toBe(true);
  });

  it('rejects a power given in kg inline, then applies a valid one and re-plans', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    const before = calls.length;
    await type(app.stdin, KEY.enter, CTRL_U, '40 kg', KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => s.includes("'40 kg' is not a power"), 'unit error', 10_000);
    expect(f).toContain('power @1 AU: \'40 kg\' is not a power (expected e.g. "40 kW")');
    expect(row(f, 'power @1 AU')).toContain('60 kW');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(before);
    await type(app.stdin, KEY.enter, CTRL_U, '40 kW', KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('SEP 40.0 kW'), 're-planned at 40 kW', 10_000);
    expect(row(f, 'power @1 AU')).toContain('40 kW');
    expect(f).not.toContain('is not a power');
    expect(lastDoc(calls).spacecraft.power).toBe('40 kW');
  });

  it('refuses implausible values ("1e9 kW") naming the plausible range', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    const before = calls.length;
    await type(app.stdin, KEY.enter, CTRL_U, '1e9 kW', KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('plausible range'), 'range error', 10_000);
    expect(f).toContain("power @1 AU: '1e9 kW' is outside the plausible range 100 W–2 MW");
    expect(calls.length).toBe(before);
  });

  it('uncertain fields round-trip: Enter+Enter leaves min‥mode‥max and P10/P50/P90 untouched, no re-plan', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    const before = calls.length;
    // dry mass (2nd field): {min: 2900 kg, mode: 3000 kg, max: 3600 kg}
    await type(app.stdin, KEY.down, KEY.enter);
    let f = await waitFor(app.lastFrame, (s) => row(s, 'dry mass').includes('2900..3000..3600 kg▏'), 'editing dry mass');
    expect(f).toContain('a..b..c (min..mode..max)');
    await type(app.stdin, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('dry mass unchanged'), 'unchanged');
    expect(f).not.toContain('cannot read');
    expect(row(f, 'dry mass')).toContain('2900‥3000‥3600 kg');
    // capture efficiency (7th): min‥mode‥max must not turn into P10/P50/P90.
    await type(app.stdin, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('capture eff. unchanged'), 'unchanged 2');
    expect(row(f, 'capture eff.')).toContain('0.3‥0.5‥0.7');
    // duty cycle (8th): P10/P50/P90 stays percentiles.
    await type(app.stdin, KEY.down, KEY.enter, KEY.enter);
    f = await waitFor(app.lastFrame, (s) => s.includes('duty cycle unchanged'), 'unchanged 3');
    expect(row(f, 'duty cycle')).toContain('0.4/0.5/0.6');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(before);
    // An edit keeps the triangular form.
    await type(app.stdin, KEY.up, KEY.enter, CTRL_U, ...'0.3..0.55..0.7'.split(''), KEY.enter);
    await waitFor(app.lastFrame, (s) => row(s, 'capture eff.').includes('0.3‥0.55‥0.7'), 'edited');
    await waitFor(() => String(calls.length > before), (s) => s === 'true', 're-planned', 5000);
    expect(lastDoc(calls).refinery.captureEfficiency).toEqual({ min: 0.3, mode: 0.55, max: 0.7 });
    expect(lastDoc(calls).spacecraft.dryMass).toEqual({ min: '2900 kg', mode: '3000 kg', max: '3600 kg' });
  });

  it('rejects a fraction above 1; the route is a choice of the schema routes', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    // captureEfficiency is the 7th field (after 5 spacecraft fields and the concentrator).
    await type(app.stdin, ...Array(6).fill(KEY.down), KEY.enter, CTRL_U, '1.5', KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes("capture eff.: '1.5' is outside (0, 1]"), 'fraction error');
    await type(app.stdin, KEY.down, KEY.down, KEY.enter);
    await waitFor(app.lastFrame, (s) => row(s, 'route').includes('◂ melt-metal ▸ 2/4'), 'route choice');
    await type(app.stdin, KEY.right, KEY.enter);
    await waitFor(app.lastFrame, (s) => row(s, 'route').includes('vaporize-metal') && s.includes('route set to vaporize-metal'), 'route set');
    await waitFor(() => String(lastDoc(calls).refinery.route), (s) => s === 'vaporize-metal', 'planned with the new route', 5000);
  });

  it('thruster and capsule design are choices of the engine presets: free text cannot get in', async () => {
    const calls: any[] = [];
    const { app } = setup(fakeScenarioModule(calls));
    await openMission(app);
    await type(app.stdin, ...Array(4).fill(KEY.down), KEY.enter);
    await waitFor(app.lastFrame, (s) => row(s, 'thruster ').includes('◂ next-c ▸ 2/4'), 'thruster choice');
    await type(app.stdin, KEY.right, KEY.enter);
    await waitFor(app.lastFrame, (s) => s.includes('thruster set to spt-140'), 'thruster set');
    // Capsule design: typing a name only jumps between presets; Enter applies a preset.
    await type(app.stdin, ...Array(6).fill(KEY.down), KEY.enter);
    await waitFor(app.lastFrame, (s) => row(s, 'design').includes('◂ stardust ▸ 1/5'), 'capsule choice');
    await type(app.stdin, ...'nonexistent-capsule'.split(''), KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => /design (set to|unchanged)/.test(s), 'capsule applied');
    const chosen = row(f, 'design').slice(16).trim();
    expect(CAPSULES).toContain(chosen);
    await new Promise((r) => setTimeout(r, 300));
    expect(CAPSULES).toContain(lastDoc(calls).capsules.preset);
    expect(lastDoc(calls).spacecraft.thrusterPreset).toBe('spt-140');
  });

  it('says so when the preset lists are unavailable instead of accepting free text', async () => {
    const { app } = setup(fakeScenarioModule(), {}, false);
    await openMission(app);
    await type(app.stdin, ...Array(4).fill(KEY.down), KEY.enter);
    const f = await waitFor(app.lastFrame, (s) => s.includes('thruster: the presets are not available'), 'no presets');
    expect(f.replace(/\n\s+/g, ' ')).toContain('the propulsion module (src/propulsion) is not available in this build');
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

  it('yield bars share one scale; the results scroll with PgDn instead of losing lines', async () => {
    const elements = ['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru'];
    const warnings = Array.from({ length: 7 }, (_, k) => `warning ${k + 1}: the orbit epoch of 2000 SG344 is old, so two-body propagation from it drifts by a growing amount (${k})`);
    // 80×24 holds six elements and every result line; a shorter terminal scrolls them.
    const full = setup(fakeScenarioModule([], { elements, warnings }));
    const whole = await openMission(full.app);
    expect(whole).toContain('! 7 warnings: press ! to read them');
    expect(whole).not.toMatch(/more lines \(PgDn\)/);
    full.app.unmount();
    const { app } = setup(fakeScenarioModule([], { elements, warnings }), { rows: 18 });
    let f = await openMission(app);
    const bar = (el: string) => {
      const l = f.split('\n').find((x) => new RegExp(` ${el} +[·━█]`).test(x))!;
      return l.slice(l.indexOf(` ${el} `) + 1);
    };
    // Pt 30 kg, Pd 15 kg, … on one scale: each P50 mark sits left of the previous one.
    const marks = elements.map((el) => bar(el).indexOf('█'));
    for (let k = 1; k < marks.length; k++) expect(marks[k]).toBeLessThanOrEqual(marks[k - 1]);
    expect(marks[0]).toBeGreaterThan(marks[2]);
    expect(f).toMatch(/↓ \d+ more lines \(PgDn\)/);
    await type(app.stdin, KEY.pageDown);
    f = await waitFor(app.lastFrame, (s) => s.includes('! 7 warnings: press ! to read them'), 'scrolled to the end');
    expect(f).toContain('↑ PgUp');
    // ! lists every warning in full.
    await type(app.stdin, '!');
    f = await waitFor(app.lastFrame, (s) => s.includes('Warnings and messages'), 'warnings overlay');
    expect(f).toContain('Plan: 7 warnings');
    // Page through the overlay: every warning is there in full.
    let text = f.replace(/\n\s+/g, ' ');
    for (let page = 0; page < 6 && !text.includes('Messages (latest first'); page++) {
      await type(app.stdin, KEY.pageDown);
      f = await waitFor(app.lastFrame, (s) => s.includes('Warnings and messages'), 'overlay page');
      text += f.replace(/\n\s+/g, ' ');
    }
    for (let k = 0; k < 7; k++) expect(text).toContain(`drifts by a growing amount (${k})`);
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


describe('Mission results: delivered vs refined, and the base case', () => {
  it('rows under "delivered" are delivered per element; refined mass beyond that has its own labelled line', async () => {
    const { resultLines } = await import('../../cli/tui/views/mission.js');
    const { fixturePlan } = await import('./plan-fixture.js');
    const p = fixturePlan({ elements: ['H2O', 'Pt'] });
    // Water: the refinery makes P90 29.9 t, the return leg carries at most 24.7 t of it.
    const band = (p10: number, p50: number, p90: number) => ({ p10, p50, p90, mean: p50 });
    p.uncertainty.bands.yieldKg = [{ element: 'H2O', band: band(8800, 17700, 29900) }, { element: 'Pt', band: band(0.05, 0.12, 0.24) }];
    if (!p.delivered.modelled) throw new Error('fixture');
    p.delivered.byElement = [{ element: 'H2O', kg: 19500, band: band(8800, 17700, 24700) }, { element: 'Pt', kg: 0.13, band: band(0.05, 0.12, 0.24) }];
    p.uncertainty.bands.deliveredKg = band(8800, 17700, 24700);
    const text = resultLines(p, 60).map((l) => l.text).join('\n');
    const h2o = text.split('\n').find((l) => /^H2O /.test(l))!;
    expect(h2o).toMatch(/8\.80 t +17\.7 t +24\.7 t$/);
    // Never an element row above its own delivered total.
    expect(text).not.toMatch(/^H2O .*29\.9 t$/m);
    const flat = text.replace(/\n\s+/g, ' ');
    expect(flat).toContain('refined, more than comes home (P50/P90): H2O 17.7 t/29.9 t');
    expect(flat).not.toMatch(/more than comes home.*Pt/);
  });

  it('says why the base case sits far below the P50 (a prior-sized body: mass mode ≪ median)', async () => {
    const { resultLines, baseCaseLine } = await import('../../cli/tui/views/mission.js');
    const { fixturePlan } = await import('./plan-fixture.js');
    const p = fixturePlan();
    expect(baseCaseLine(p)).toBeNull(); // base 60 kg = P50 60 kg: nothing to explain
    if (!p.delivered.modelled) throw new Error('fixture');
    p.delivered.deliveredKg = 1.58;
    p.uncertainty.bands.deliveredKg = { p10: 0, p50: 3.66, p90: 10, mean: 4 };
    // 2010 UE51's mass prior: mode 576 t within 45 t – 5,955 t (median ≈ 1,970 t).
    p.uncertainty.inputs = [{ field: 'target.massKg', distribution: 'triangular', low: 44984, central: 576332, high: 5954751 }];
    expect(baseCaseLine(p)).toBe('base case = central inputs (modes), below the P50: target.massKg is skewed (mode far from its median)');
    expect(resultLines(p, 80).map((l) => l.text).join('\n').replace(/\n\s+/g, ' ')).toContain('below the P50: target.massKg is skewed');
  });
});
