// Examples from the MPC "Packed Provisional and Permanent Designations" page
// (https://www.minorplanetcenter.net/iau/info/PackedDes.html).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packNumber, packProvisional, unpackDesignation, unpackNumber, unpackProvisional } from '../../src/catalog/packed-designation.js';

describe('packed permanent numbers', () => {
  it.each([
    ['00001', 1],
    ['00433', 433],
    ['99999', 99999],
    ['A0000', 100000],
    ['A0345', 100345],
    ['A1955', 101955], // Bennu
    ['a0000', 360000],
    ['r9940', 539940],
    ['z9999', 619999],
    ['~0000', 620000],
    ['~000z', 620061],
    ['~AZaz', 3140113],
    ['~zzzz', 620000 + 62 ** 4 - 1],
  ])('%s ↔ %d', (packed, n) => {
    expect(unpackNumber(packed)).toBe(n);
    expect(packNumber(n)).toBe(packed);
  });

  it('round-trips every number in range', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 620000 + 62 ** 4 - 1 }), (n) => unpackNumber(packNumber(n)) === n));
  });

  it('rejects what is not a packed number', () => {
    for (const s of ['0043', '1999 RQ36', 'K99R36Q', '~00', 'AA000']) expect(unpackNumber(s)).toBeNull();
    expect(() => packNumber(0)).toThrow(RangeError);
  });
});

describe('packed provisional designations', () => {
  it.each([
    ['J95X00A', '1995 XA'],
    ['J95X01L', '1995 XL1'],
    ['J95F13B', '1995 FB13'],
    ['J98SA8Q', '1998 SQ108'],
    ['J98SC7V', '1998 SV127'],
    ['J98SG2S', '1998 SS162'],
    ['K99AJ3Z', '2099 AZ193'],
    ['K08Aa0A', '2008 AA360'],
    ['K07Tf8A', '2007 TA418'],
    ['K19A01A', '2019 AA1'],
    ['J99R36Q', '1999 RQ36'], // Bennu: 1999 is century J; K99R36Q would be 2099 RQ36
    ['PLS2040', '2040 P-L'],
    ['T1S3138', '3138 T-1'],
    ['T2S1010', '1010 T-2'],
    ['T3S4101', '4101 T-3'],
  ])('%s ↔ %s', (packed, readable) => {
    expect(unpackProvisional(packed)).toBe(readable);
    expect(packProvisional(readable)).toBe(packed);
  });

  it('is whitespace- and case-tolerant when packing', () => {
    expect(packProvisional('  1999   rq36 ')).toBe('J99R36Q');
  });

  it('round-trips random designations', () => {
    const letters = 'ABCDEFGHJKLMNOPQRSTUVWXY'; // half-month letters (no I, no Z)
    const second = 'ABCDEFGHJKLMNOPQRSTUVWXYZ';
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 619 }), (y, h, s, c) => {
        const readable = `${y} ${letters[h]}${second[s]}${c === 0 ? '' : c}`;
        return unpackProvisional(packProvisional(readable)!) === readable;
      }),
    );
  });

  it('unpackDesignation tells numbers from designations', () => {
    expect(unpackDesignation('A1955')).toEqual({ number: 101955 });
    expect(unpackDesignation('J99R36Q')).toEqual({ designation: '1999 RQ36' });
    expect(unpackDesignation('Bennu')).toBeNull();
  });
});
