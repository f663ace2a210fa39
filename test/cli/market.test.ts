import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

describe('prospector market', () => {
  it('10 t/yr of Pt: share of world supply and price response in JSON', async () => {
    const r = await runCli(['market', 'Pt=10t', '--json']);
    expect(r.code).toBe(0);
    const pt = envelope(r).result.market.elements[0];
    expect(pt.element).toBe('Pt');
    expect(pt.deliveredKgPerYear).toBe(10_000);
    expect(pt.shareOfWorldSupply).toBeCloseTo(10 / 170, 12); // USGS MCS 2024: 170 t/yr
    expect(pt.priceChangeFraction).toBeCloseTo(Math.pow(180 / 170, -2) - 1, 12); // ε = −0.5
    expect(envelope(r).result.semiconductors.elements[0].element).toBe('Pt');
  });

  it('text: a market table, totals and semiconductor equivalents; missing data named on stderr', async () => {
    const r = await runCli(['market', 'Pt=2t', 'Pd=1000', 'Os=5', 'Nd=500kg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Market impact/);
    expect(r.stdout).toMatch(/ex South Africa/);
    expect(r.stdout).toMatch(/Semiconductor equivalents/);
    expect(r.stderr).toMatch(/Os: no market data/);
  });

  it('--csv: one row per element', async () => {
    const r = await runCli(['market', 'Pt=1t', 'Co=5t', '--csv']);
    const rows = parseCsv(r.stdout);
    expect(rows.map((x) => x[0])).toEqual(['element', 'Pt', 'Co']);
  });

  it('bad input exits 2 naming the problem', async () => {
    for (const argv of [['market', 'Pt'], ['market', 'Xx=5'], ['market', 'Pt=5', '--elasticity', 'Pt=0.5'], ['market', 'Pt=-5']]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--layers FILE: a YAML stack with units replaces the default; the JSON says which stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-layers-'));
    const f = join(dir, 'stack.yaml');
    writeFileSync(f, 'utilisation: 0.25\ndieAreaMm2: 8.14 cm^2\nlayers:\n  - {element: Pt, thicknessNm: 2 nm}\n  - {element: Ru, thicknessNm: 0.003 um, levels: 4, utilisation: 0.5}\n');
    const r = await runCli(['market', 'Pt=1t', 'Ru=100', 'Nd=1t', '--layers', 'stack.yaml', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const se = envelope(r).result.semiconductors;
    expect(se.stack).toBe('custom');
    expect(se.layers.map((l: { element: string }) => l.element)).toEqual(['Pt', 'Ru']);
    // Pt: 21.45 g/cm³ × 706.858 cm² × 2e-7 cm / 0.25; Ru: 12.37 × 706.858 × 3e-7 × 4 / 0.5.
    expect(se.elements[0].gramsPerWafer).toBeCloseTo((21.45 * Math.PI * 225 * 2e-7) / 0.25, 12);
    expect(se.elements[1].gramsPerWafer).toBeCloseTo((12.37 * Math.PI * 225 * 3e-7 * 4) / 0.5, 12);
    expect(se.die.areaMm2).toBeCloseTo(814, 9);
    expect(se.notInStack).toEqual(['Nd']);
    // A list of layers alone (JSON) works too; --die-area overrides the file.
    writeFileSync(join(dir, 'list.json'), JSON.stringify([{ element: 'Pt', thicknessNm: 1 }]));
    const l = await runCli(['market', 'Pt=1t', '--layers', join(dir, 'list.json'), '--die-area', '100', '--json']);
    expect(envelope(l).result.semiconductors.die.areaMm2).toBe(100);
  });

  it('--layers: a bad file is one stderr line naming the file and the field, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-layers-'));
    const cases: Array<[string, string, RegExp]> = [
      ['typo.yaml', 'layers:\n  - {element: Pt, thicknesNm: 2}\n', /typo\.yaml: layers\[0\]: unknown field "thicknesNm" \(did you mean "thicknessNm"\?\)/],
      ['unit.yaml', 'layers:\n  - {element: Pt, thicknessNm: 2 kg}\n', /unit\.yaml: layers\[0\]\.thicknessNm: .*wrong unit/],
      ['density.json', '[{"element": "Zz", "thicknessNm": 2}]', /density\.json: layers\[0\]\.densityGcm3: no default density for Zz/],
      ['empty.yaml', 'layers: []\n', /empty\.yaml: layers: expected at least one layer/],
    ];
    for (const [name, text, re] of cases) {
      writeFileSync(join(dir, name), text);
      const r = await runCli(['market', 'Pt=1t', '--layers', join(dir, name)]);
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(re);
    }
    const missing = await runCli(['market', 'Pt=1t', '--layers', join(dir, 'nope.yaml'), '--json']);
    expect(missing.code).toBe(2);
    expect(envelope(missing).error!.message).toMatch(/nope\.yaml: cannot read the layer-stack file \(no such file\)/);
  });

  it('a die that does not fit prints "—" and the reason, never Infinity; null in JSON', async () => {
    const t = await runCli(['market', 'Pt=1t', '--die-area', '70000']);
    expect(t.code).toBe(0);
    expect(t.stdout).not.toMatch(/Infinity|NaN/);
    expect(t.stdout).toMatch(/does not fit on a 300 mm wafer/);
    const j = envelope(await runCli(['market', 'Pt=1t', '--die-area', '70000', '--json'])).result;
    expect(j.semiconductors.elements[0].mgPerAccelerator).toBeNull();
    expect(j.semiconductors.die.note).toMatch(/does not fit/);
  });

  it('magnet rare earths: each against its own supply, a price response, and "not in the wafer stack"', async () => {
    const r = await runCli(['market', 'Nd=5t', 'Dy=500', 'Tb=100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Nd, Dy, Tb: not in the wafer stack/);
    expect(r.stdout).toMatch(/Nd: world supply derived: 15\.0 % of world REO/);
    const j = envelope(await runCli(['market', 'Nd=5t', '--json'])).result.market.elements[0];
    expect(j.respondedPriceUsdPerKg).toBeLessThan(j.priceUsdPerKg);
    expect(j.supplyBasis).toBe('element');
  });
});
