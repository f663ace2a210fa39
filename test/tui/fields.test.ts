// The pieces under the screens: Mission field parsing (units, uncertainty triples kept as
// typed, preset choices, plausibility), document diffs, text wrapping, the key line, and the saved
// scenario (comments kept, description updated).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAT_FIELDS, ROUTE_CHOICES, describeChanges, editText, parseFieldInput, sameValue, showValue, type FieldDef } from '../../cli/tui/fields.js';
import { ROUTES } from '../../src/scenario/schema.js';
import { quantity } from '../../src/scenario/units.js';
import { wrapText } from '../../cli/tui/text.js';
import { keyLines } from '../../cli/tui/components.js';
import { readScenarioFile, writeScenarioDoc } from '../../cli/tui/scenario-doc.js';
import { setPath } from '../../cli/tui/session.js';
import { FIXTURE_SCENARIO_YAML } from './plan-fixture.js';

const field = (key: string): FieldDef => FLAT_FIELDS.find((f) => f.path.join('.') === key)!;
const convert = (text: string, unit: string, name: string) => quantity(text, unit, name);
const parse = (key: string, text: string, choices?: string[]) => parseFieldInput(field(key), text, convert, choices);

describe('Mission fields: what may be typed', () => {
  it('an unchanged min‥mode‥max with units reads back as the same value (no "cannot read" error)', async () => {
    const v = { min: '2900 kg', mode: '3000 kg', max: '3600 kg' };
    expect(showValue(v)).toBe('2900‥3000‥3600 kg');
    const r = await parse('spacecraft.dryMass', editText(v));
    expect(r).toEqual({ ok: true, value: v });
    expect(sameValue((r as { value: unknown }).value, v)).toBe(true);
  });

  it('min..mode..max stays triangular and P10/P50/P90 stays percentiles (the form is kept)', async () => {
    const tri = { min: 0.3, mode: 0.5, max: 0.7 };
    expect(await parse('refinery.captureEfficiency', editText(tri))).toEqual({ ok: true, value: tri });
    expect(await parse('refinery.captureEfficiency', '0.3‥0.55‥0.7')).toEqual({ ok: true, value: { min: 0.3, mode: 0.55, max: 0.7 } });
    expect(await parse('refinery.captureEfficiency', '0.4/0.5/0.6')).toEqual({ ok: true, value: { p10: 0.4, p50: 0.5, p90: 0.6 } });
    expect(await parse('refinery.dutyCycle', '40%/50%/60%')).toEqual({ ok: true, value: { p10: '40%', p50: '50%', p90: '60%' } });
  });

  it('a unit written once at the end applies to all three values', async () => {
    expect(await parse('spacecraft.dryMass', '2.9..3..3.7 t')).toEqual({ ok: true, value: { min: '2.9 t', mode: '3 t', max: '3.7 t' } });
  });

  it('refuses a triple out of order, a triple where one value is expected, and two values', async () => {
    expect(await parse('spacecraft.dryMass', '3000..2900..3600 kg')).toEqual({ ok: false, message: 'dry mass: min ≤ mode ≤ max expected, got 3000..2900..3600 kg' });
    const one = await parse('spacecraft.isp', '3000..3100..3200 s');
    expect(one.ok).toBe(false);
    expect((one as { message: string }).message).toContain('this field takes one value');
    expect((await parse('refinery.captureEfficiency', '0.3..0.5')).ok).toBe(false);
  });

  it('plausibility limits refuse typing mistakes and say why', async () => {
    const r = await parse('spacecraft.power', '1e9 kW');
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toBe("power @1 AU: '1e9 kW' is outside the plausible range 100 W–2 MW (2 MW is 8× the ISS arrays (≈240 kW), the largest flown); check the unit");
    expect((await parse('spacecraft.isp', '50000 s')).ok).toBe(false);
    expect((await parse('spacecraft.thrusters', '1000')).ok).toBe(false);
    expect(await parse('spacecraft.power', '40 kW')).toEqual({ ok: true, value: '40 kW' });
    expect(await parse('spacecraft.power', '40 kg')).toEqual({ ok: false, message: `power @1 AU: '40 kg' is not a power (expected e.g. "40 kW")` });
  });

  it('required fields refuse an empty value; optional ones go back to the default', async () => {
    expect((await parse('spacecraft.power', '')).ok).toBe(false);
    expect(await parse('spacecraft.isp', '')).toEqual({ ok: true, value: undefined });
  });

  it('choices accept only the presets (case-insensitive, canonical spelling kept)', async () => {
    expect(await parse('capsules.preset', 'nonexistent-capsule', ['stardust', 'hayabusa'])).toEqual({ ok: false, message: "design: 'nonexistent-capsule' is not one of stardust, hayabusa" });
    expect(await parse('capsules.preset', 'Stardust', ['stardust', 'hayabusa'])).toEqual({ ok: true, value: 'stardust' });
  });

  it("the route choices are the scenario schema's routes", () => {
    expect([...ROUTE_CHOICES]).toEqual([...ROUTES]);
    expect(field('refinery.route').choices).toEqual(ROUTE_CHOICES);
  });

  it('describes changes by field label (what kept plans are called)', () => {
    const before = { target: { designation: '1999 RQ36' }, spacecraft: { power: '60 kW', dryMass: { min: 1, mode: 2, max: 3 } } };
    const after = { target: { designation: '2000 SG344' }, spacecraft: { power: '40 kW', dryMass: { min: 1, mode: 2, max: 3 } } };
    expect(describeChanges(before, after)).toEqual(['target 2000 SG344', 'power @1 AU 40 kW']);
    expect(describeChanges(before, before)).toEqual([]);
  });
});

describe('text layout', () => {
  it('wraps at word boundaries, indents continuations, and never drops text', () => {
    const text = 'stale orbit: epoch is 4.4 years old; two-body propagation from it drifts (perturbations)';
    const lines = wrapText(text, 30, '  ');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(text);
    expect(wrapText('abcdefghijklmnop', 6)).toEqual(['abcdef', 'ghijkl', 'mnop']);
  });

  it('packs the key line into the width without cutting a key', () => {
    expect(keyLines('a one  b two', 80)).toEqual(['a one  b two  ? help  ! warn  q quit']);
    const narrow = keyLines('a one  b two  c three', 20);
    for (const l of narrow) expect(l.length).toBeLessThanOrEqual(20);
    expect(narrow.join('  ')).toBe('a one  b two  c three  ? help  ! warn  q quit');
  });
});

describe('saving a scenario', () => {
  it("keeps the file's comments, rewrites only what changed, and says so in the description", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-save-'));
    const src = join(dir, 'fixture.yaml');
    writeFileSync(src, FIXTURE_SCENARIO_YAML);
    const { doc, text } = await readScenarioFile(src);
    let edited = setPath(doc, ['spacecraft', 'power'], '40 kW');
    edited = setPath(edited, ['spacecraft', 'dryMass'], { min: '2900 kg', mode: '3100 kg', max: '3600 kg' });
    await writeScenarioDoc(join(dir, 'out.yaml'), edited, false, { original: doc, text, from: src, today: '2026-01-02' });
    const out = readFileSync(join(dir, 'out.yaml'), 'utf8');
    expect(out.split('\n')[0]).toBe("# Saved by prospector's planning session on 2026-01-02 from fixture.yaml.");
    expect(out).toContain('# Fixture scenario for the TUI tests.');
    // A changed value's own comment was about the old value: it says what the value was instead.
    expect(out).toContain("power: 40 kW # was 60 kW in fixture.yaml (changed in prospector's planning session)");
    expect(out).not.toContain('# at 1 AU');
    expect(out).toMatch(/minStayDays: 30 d +# short, so picks have room/);
    expect(out).toContain("dryMass: {min: 2900 kg, mode: 3100 kg, max: 3600 kg} # was {min: 2900 kg, mode: 3000 kg, max: 3600 kg} in fixture.yaml");
    const saved = (await readScenarioFile(join(dir, 'out.yaml'))).doc;
    expect(saved.description).toBe(
      "Edited in prospector's planning session on 2026-01-02 from fixture.yaml: power @1 AU 40 kW (was 60 kW); dry mass 2900‥3100‥3600 kg (was 2900‥3000‥3600 kg). Original description: A fixture scenario about Bennu.",
    );
    // A new target: the old description (about another asteroid) is not carried over as if it still applied.
    await writeScenarioDoc(join(dir, 'other.yaml'), setPath(doc, ['target', 'designation'], '2000 SG344'), false, { original: doc, text, from: src, today: '2026-01-02' });
    const other = (await readScenarioFile(join(dir, 'other.yaml'))).doc;
    // The note above the old target (about that asteroid) is not left above the new one.
    const withNote = FIXTURE_SCENARIO_YAML.replace('target:\n  designation:', 'target:\n  # Bennu: B-type, sampled by OSIRIS-REx.\n  designation:');
    writeFileSync(src, withNote);
    const read = await readScenarioFile(src);
    const nameOf = (d: string) => (d === '1999 RQ36' ? '(101955) Bennu' : d);
    await writeScenarioDoc(join(dir, 'moved.yaml'), setPath(read.doc, ['target', 'designation'], '2000 SG344'), false, { original: read.doc, text: read.text, from: src, nameOf, today: '2026-01-02' });
    const moved = readFileSync(join(dir, 'moved.yaml'), 'utf8');
    expect(moved).not.toContain('OSIRIS-REx');
    expect(moved).toContain('designation: "2000 SG344" # was (101955) Bennu in fixture.yaml (changed in prospector\'s planning session)');
    // Unchanged fields keep theirs, and the file's leading comment stays.
    expect(moved).toMatch(/minStayDays: 30 d +# short, so picks have room/);
    expect(moved).toContain('# Fixture scenario for the TUI tests.');
    expect(other.description).toBe(
      "Edited in prospector's planning session on 2026-01-02 from fixture.yaml: target 2000 SG344 (was 1999 RQ36). (The original description was about the previous target.)",
    );
  });
});
