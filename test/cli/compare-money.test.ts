// `compare --vary` over a field named in USD takes money as the money flags do ("$1.5k..$3.6k/kg").
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import { moneyUnitOfPath, parseVary, type CompareRow } from '../../cli/commands/compare.js';
import { USD } from '../../cli/parse.js';

const EX = (f: string) => join(import.meta.dirname, '../../examples', f);

describe('compare --vary over money fields', { timeout: 60_000 }, () => {
  it('a field named …Usd / …UsdPer… has a money unit', () => {
    expect(moneyUnitOfPath(['finance', 'launchCostUsdPerKg'])?.per).toBe('kg');
    expect(moneyUnitOfPath(['orbitalCompute', 'satelliteCostUsdPerW'])?.per).toBe('W');
    expect(moneyUnitOfPath(['finance', 'operationsUsdPerYear'])?.per).toBe('yr');
    expect(moneyUnitOfPath(['markets', 'pricesUsdPerKg', 'Pt'])?.per).toBe('kg');
    expect(moneyUnitOfPath(['capsules', 'costUsd'])).toBe(USD);
    expect(moneyUnitOfPath(['spacecraft', 'power'])).toBeUndefined();
  });

  it('parses money sweeps into plain numbers in the field\'s unit', () => {
    const launch = { path: ['finance', 'launchCostUsdPerKg'], values: [1500, 2200, 2900, 3600] };
    expect(parseVary('finance.launchCostUsdPerKg=$1.5k..$3.6k/kg:4')).toEqual(launch);
    expect(parseVary('finance.launchCostUsdPerKg=1500..3600:4')).toEqual(launch);
    expect(parseVary('finance.launchCostUsdPerKg=1.5..3.6 k$/kg:4')).toEqual(launch);
    expect(parseVary('finance.launchCostUsdPerKg=$1.5M..$3.6M/t:4')).toEqual(launch);
    expect(parseVary('finance.operationsUsdPerYear=10M..30M:3')).toEqual({ path: ['finance', 'operationsUsdPerYear'], values: [1e7, 2e7, 3e7] });
    expect(parseVary('finance.operationsUsdPerYear=$10M/yr..$30M/yr:3').values).toEqual([1e7, 2e7, 3e7]);
    expect(parseVary('capsules.costUsd=$2.5M..$10M:4').values).toEqual([2.5e6, 5e6, 7.5e6, 1e7]);
    expect(parseVary('orbitalCompute.satelliteCostUsdPerW=$5..$22/W:2').values).toEqual([5, 22]);
    // Other fields keep their units as before.
    expect(parseVary('spacecraft.power=20kW..60kW:3').values).toEqual(['20 kW', '40 kW', '60 kW']);
  });

  it('refuses a wrong denominator, a total with one, an ambiguous m and money on a field not in USD', () => {
    expect(() => parseVary('finance.launchCostUsdPerKg=$5/W..$10/W:2')).toThrow('--vary: "$10/W" is a price per W; expected $/kg (or $/t, $/tonne, $/lb), e.g. "$500/kg"');
    expect(() => parseVary('capsules.costUsd=$1M/kg..$2M/kg:2')).toThrow('--vary: "$2M/kg" is a price per kg; expected a total in $ with no "/", e.g. "$1B"');
    expect(() => parseVary('capsules.costUsd=$1m..$2m:2')).toThrow('--vary: "m" in "$1m" is ambiguous (milli or million)');
    expect(() => parseVary('spacecraft.power=$1..$2:2')).toThrow(
      '--vary: spacecraft.power is not a money field (money fields are named …Usd or …UsdPer…, e.g. finance.launchCostUsdPerKg), got "$1..$2"',
    );
  });

  it('a money sweep runs the same plans as the bare-number sweep', async () => {
    const run = (vary: string) => runCli(['compare', EX('metal-pgm-earth.yaml'), '--vary', vary, '--samples', '0', '--json']);
    const money = await run('finance.launchCostUsdPerKg=$1.5k..$3.6k/kg:2');
    const bare = await run('finance.launchCostUsdPerKg=1500..3600:2');
    expect(money.code, money.stderr).toBe(0);
    expect(bare.code, bare.stderr).toBe(0);
    const rows = envelope<{ rows: CompareRow[] }>(money).result.rows;
    expect(rows.map((r) => r.label)).toEqual(['finance.launchCostUsdPerKg=1500', 'finance.launchCostUsdPerKg=3600']);
    expect(rows[1].npvUsd!).toBeLessThan(rows[0].npvUsd!); // dearer launch, lower NPV
    expect(envelope(money).result).toEqual(envelope(bare).result);
    const bad = await run('finance.launchCostUsdPerKg=$1.5k..$3.6k/W:2');
    expect(bad.code).toBe(2);
    expect(bad.stdout).not.toBe('');
    expect(envelope(bad).error).toMatchObject({ code: 'INVALID_INPUT', field: '--vary' });
  });
});
