import { describe, expect, it } from 'vitest';
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
});
