import { describe, expect, it } from 'vitest';
import { quantity } from '../../src/scenario/units.js';
import { InputError } from '../../src/errors.js';
import { AU_KM } from '../../src/astro/constants.js';

describe('unit-tagged quantities (src/scenario/units.ts)', () => {
  it('converts to the engine unit the caller names', async () => {
    expect(await quantity('4560 s', 's', 'tof')).toBe(4560);
    expect(await quantity('76 min', 's', 'tof')).toBeCloseTo(4560, 9);
    // AU is defined as 149 597 870.7 km exactly (IAU 2012 B2).
    expect(await quantity('1.1 AU', 'km', 'distance')).toBeCloseTo(1.1 * AU_KM, 3);
    expect(await quantity('40 kW', 'W', 'powerW')).toBeCloseTo(40000, 9);
    expect(await quantity('3000 s', 's', 'isp')).toBe(3000);
    expect(await quantity('2 yr', 'day', 'stay')).toBeCloseTo(730.5, 9);
  });

  it('takes a bare number as already in the unit', async () => {
    expect(await quantity('12.5', 'km', 'r')).toBe(12.5);
    expect(await quantity(7, 's', 'tof')).toBe(7);
  });

  it('rejects a wrong dimension with a message naming the input', async () => {
    await expect(quantity('3 kg', 's', '--tof')).rejects.toThrow(InputError);
    await expect(quantity('3 kg', 's', '--tof')).rejects.toThrow(/--tof: "3 kg" is not convertible to s/);
    await expect(quantity('40 kW', 'km', 'distance')).rejects.toThrow(/distance/);
    await expect(quantity('fast', 's', '--tof')).rejects.toThrow(/--tof: cannot read "fast"/);
    await expect(quantity('', 's', '--tof')).rejects.toThrow(/--tof/);
  });
});
