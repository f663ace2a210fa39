import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

describe('prospector orbital-dc', () => {
  it('--json carries the DESIGN §4 fields with the default figures', async () => {
    const r = await runCli(['orbital-dc', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res).toMatchObject({ satellites: 39_731 });
    for (const k of ['hardware', 'launch', 'ops', 'gpuReplacement', 'nre', 'total']) expect(typeof res.cost[k]).toBe('number');
    expect(typeof res.terrestrial.total).toBe('number');
    expect(typeof res.massT).toBe('number');
    expect(typeof res.lcoeUsdPerMWh).toBe('number');
    expect(res.parityLaunchCostUsdPerKg).toBeNull(); // defaults: no parity
    expect(res.warnings[0]).toMatch(/no parity/);
  });

  it('text mode prints orbital and terrestrial totals and the parity price', async () => {
    const r = await runCli(['orbital-dc', '--sat-cost', '5', '--launch-cost', '200']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/total\s+\$14\.9 B/);
    expect(r.stdout).toMatch(/Terrestrial/);
    expect(r.stdout).toMatch(/total\s+\$15\.9 B/);
    expect(r.stdout).toMatch(/Parity launch price: \$232\/kg/);
    expect(r.stdout).not.toMatch(/\u001B\[/); // no colour when not a terminal
  });

  it('--sweep draws a chart in text mode with the parity marked', async () => {
    const r = await runCli(['orbital-dc', '--sat-cost', '5', '--sweep', 'launch-cost=100..1000:10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Total cost vs launch price');
    expect(r.stdout).toMatch(/o orbital total/);
    expect(r.stdout).toMatch(/\| parity \$232\/kg/);
  });

  it('--sweep --csv is an RFC 4180 table, one row per launch price', async () => {
    const r = await runCli(['orbital-dc', '--sweep', 'launch-cost=200..3600:5', '--csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['launch_usd_per_kg', 'orbital_total_usd', 'terrestrial_total_usd', 'orbital_lcoe_usd_per_mwh', 'orbital_over_terrestrial', 'parity_launch_usd_per_kg']);
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual([200, 1050, 1900, 2750, 3600]);
  });

  it('--sat-power takes a unit', async () => {
    const r = await runCli(['orbital-dc', '--sat-power', '54 kW', '--json']);
    expect(r.code).toBe(0);
    expect(envelope(r).result.satellites).toBe(Math.ceil(39_730.3 / 2));
  });

  it('--delivered runs the orbit link: launch saved and the parity shift', async () => {
    const r = await runCli(['orbital-dc', '--sat-cost', '5', '--delivered', 'Fe=1000t,Pt=1kg', '--json']);
    expect(r.code).toBe(0);
    const link = envelope(r).result.link;
    expect(link.replacedKg).toBe(1e6);
    expect(link.launchCostSavedUsd).toBeCloseTo(5e8, 0); // 1,000 t × $500/kg
    expect(link.parity.withDeliveryUsdPerKg).toBeGreaterThan(link.parity.baselineUsdPerKg);
    const t = await runCli(['orbital-dc', '--sat-cost', '5', '--delivered', 'Fe=1000t,Pt=1kg']);
    expect(t.stdout).toMatch(/Asteroid material in orbit/);
    expect(t.stdout).toMatch(/parity launch price moves from \$232\/kg/);
    expect(t.stderr).toMatch(/Pt: no structural/);
    const bad = await runCli(['orbital-dc', '--delivered', 'iron']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--delivered/);
  });

  it('small radiator and array areas are shown in m², large ones in km²; the LCOE basis is stated', async () => {
    const small = await runCli(['orbital-dc', '--preset', 'starcloud-1', '--gw', '0.0000007']);
    expect(small.code).toBe(0);
    expect(small.stdout).not.toMatch(/0\.00 km²/);
    // One 700 W satellite: 700 / 633.08 = 1.106 m²… per satellite; two are needed (P_req > 700 W).
    const j = envelope(await runCli(['orbital-dc', '--preset', 'starcloud-1', '--gw', '0.0000007', '--json'])).result;
    expect(j.sizing.radiatorAreaM2).toBeCloseTo((j.satellites * 700) / 633.08, 9);
    expect(small.stdout).toContain(`radiators        ${(j.sizing.radiatorAreaM2 as number).toPrecision(3)} m²`);
    const big = await runCli(['orbital-dc']);
    expect(big.stdout).toMatch(/radiators +[\d.,]+ km²/);
    expect(big.stdout).toMatch(/LCOE basis +both per MWh delivered/);
    expect(big.stdout).toMatch(/capacity factor 0\.85/);
    expect(big.stdout).toMatch(/parity per MWh/);
  });

  it('accepts percentages and presets', async () => {
    const r = await runCli(['orbital-dc', '--degradation', '2.5%', '--preset', 'starlink-v3', '--json']);
    expect(r.code).toBe(0);
    expect(envelope(r).result.inputs).toMatchObject({ degradationPerYear: 0.025, satPowerW: 130_000 });
  });

  it('money flags take $, magnitudes and the flag\'s denominator: the same result as bare numbers', async () => {
    const bare = await runCli(['orbital-dc', '--sat-cost', '5', '--launch-cost', '200', '--nre', '1e9', '--gas-price', '4.3', '--json']);
    expect(bare.code, bare.stderr).toBe(0);
    for (const argv of [
      ['--sat-cost', '$5/W', '--launch-cost', '$200/kg', '--nre', '$1B', '--gas-price', '$4.30/MMBtu'],
      ['--sat-cost', '5 USD/W', '--launch-cost', '200 $/kg', '--nre', '$1bn', '--gas-price', '4.3 USD/MMBtu'],
      ['--sat-cost', '$5k/kW', '--launch-cost', '$0.2k/kg', '--nre', '1,000 million USD', '--gas-price', '4.30'],
      ['--sat-cost', '5', '--launch-cost', '$200k/t', '--nre', '$1000M', '--gas-price', '$4.3'],
    ]) {
      const r = await runCli(['orbital-dc', ...argv, '--json']);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      expect(envelope(r).result, argv.join(' ')).toEqual(envelope(bare).result);
    }
    const one = await runCli(['orbital-dc', '--sat-cost', '$5/W', '--json']);
    expect(envelope(one).result).toEqual(envelope(await runCli(['orbital-dc', '--sat-cost', '5', '--json'])).result);
    expect(envelope(one).result.inputs).toMatchObject({ satUsdPerW: 5, launchUsdPerKg: 500 }); // JSON stays in $/W and $/kg
    const t = await runCli(['orbital-dc', '--sat-cost', '$5/W', '--launch-cost', '$200/kg']);
    expect(t.stdout).toMatch(/Parity launch price: \$232\/kg/);
    const sweep = await runCli(['orbital-dc', '--sweep', 'launch-cost=$0.2k..$3.6k/kg:5', '--csv']);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(parseCsv(sweep.stdout).slice(1).map((x) => Number(x[0]))).toEqual([200, 1050, 1900, 2750, 3600]);
  });

  it('a money flag with the wrong denominator: exit 2, one stderr line naming the flag and the form expected', async () => {
    const r = await runCli(['orbital-dc', '--launch-cost', '$5/W']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('prospector: --launch-cost: "$5/W" is a price per W; expected $/kg (or $/t, $/tonne, $/lb), e.g. "$500/kg"\n');
    const nre = await runCli(['orbital-dc', '--nre', '$5m']);
    expect(nre.code).toBe(2);
    expect(nre.stderr).toBe('prospector: --nre: "m" in "$5m" is ambiguous (milli or million); write M for million, e.g. "$5M"\n');
  });

  it('help shows the money forms', async () => {
    const h = await runCli(['orbital-dc', '--help']);
    expect(h.stdout).toMatch(/--launch-cost <\$\/kg>\s+launch price to LEO, \$\/kg or money with a unit\s+\('\$500\/kg'/);
    expect(h.stdout).toMatch(/--nre <\$>\s+non-recurring engineering, \$ \('\$1B'/);
  });

  it('bad input: one stderr line naming the flag, exit 2', async () => {
    for (const argv of [
      ['orbital-dc', '--launch-cost', 'cheap'],
      ['orbital-dc', '--launch-cost', '$5/W'],
      ['orbital-dc', '--sat-cost', '$5/kg'],
      ['orbital-dc', '--nre', '$1B/kg'],
      ['orbital-dc', '--nre', '-$1B'],
      ['orbital-dc', '--gas-price', '$4/GJ'],
      ['orbital-dc', '--sweep', 'launch-cost=$200..$5/W'],
      ['orbital-dc', '--sweep', 'launch=1..2'],
      ['orbital-dc', '--sweep', 'launch-cost=900..100'],
      ['orbital-dc', '--years', '0'],
      ['orbital-dc', '--sun-fraction', '1.5'],
      ['orbital-dc', '--preset', 'nope'],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    const preset = await runCli(['orbital-dc', '--preset', 'nope']);
    expect(preset.stderr).toBe('prospector: --preset: expected one of starlink-v2-mini, starlink-v3, starcloud-1, got "nope"\n');
    const j = await runCli(['orbital-dc', '--gw', '-1', '--json']);
    expect(j.code).toBe(2);
    expect(envelope(j).error!.message).toMatch(/--gw/);
  });
});
