/**
 * MPC packed designations, both directions (MPC "Packed Provisional and Permanent Designations",
 * https://www.minorplanetcenter.net/iau/info/PackedDes.html):
 * - numbered: 5 characters; 00433 = 433, A0345 = 100345 (A–Z = 10–35, a–z = 36–61 ten-thousands),
 *   and from 620000 on `~` + four base-62 digits of (n − 620000), e.g. ~0000 = 620000;
 * - provisional: century letter (I = 18, J = 19, K = 20), two year digits, half-month letter,
 *   two-character cycle count (digits, or a letter for 10–61 tens then a digit) and the second
 *   letter: K19A01A = 2019 AA1, K99R36Q = 1999 RQ36, J95X00A = 1995 XA;
 * - survey designations: 2040 P-L = PLS2040, 3138 T-1 = T1S3138, T-2 and T-3 likewise.
 */
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function b62(ch: string): number {
  return B62.indexOf(ch);
}

/** Unpacks a packed permanent number ("00433", "A0345", "~0000"); null if it is not one. */
export function unpackNumber(packed: string): number | null {
  const p = packed.trim();
  if (/^\d{5}$/.test(p)) return Number(p);
  if (/^[A-Za-z]\d{4}$/.test(p)) return b62(p[0]) * 10000 + Number(p.slice(1));
  if (/^~[0-9A-Za-z]{4}$/.test(p)) {
    let n = 0;
    for (const ch of p.slice(1)) n = n * 62 + b62(ch);
    return 620000 + n;
  }
  return null;
}

/** Packs a permanent number (1 … 620000 + 62⁴ − 1). */
export function packNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 620000 + 62 ** 4) throw new RangeError(`cannot pack asteroid number ${n}`);
  if (n < 100000) return String(n).padStart(5, '0');
  if (n < 620000) return B62[Math.floor(n / 10000)] + String(n % 10000).padStart(4, '0');
  let m = n - 620000;
  let s = '';
  for (let k = 0; k < 4; k++) {
    s = B62[m % 62] + s;
    m = Math.floor(m / 62);
  }
  return '~' + s;
}

const CENTURY: Record<string, number> = { I: 18, J: 19, K: 20 };
const CENTURY_LETTER: Record<number, string> = { 18: 'I', 19: 'J', 20: 'K' };

/** Unpacks a packed provisional or survey designation ("K19A01A" → "2019 AA1"); null otherwise. */
export function unpackProvisional(packed: string): string | null {
  const p = packed.trim();
  let m = /^([IJK])(\d\d)([A-HJ-Y])([0-9A-Za-z])(\d)([A-HJ-Z])$/.exec(p);
  if (m) {
    const year = CENTURY[m[1]] * 100 + Number(m[2]);
    const cycle = b62(m[4]) * 10 + Number(m[5]);
    return `${year} ${m[3]}${m[6]}${cycle === 0 ? '' : cycle}`;
  }
  m = /^(PL|T1|T2|T3)S(\d{4})$/.exec(p);
  if (m) return `${Number(m[2])} ${m[1] === 'PL' ? 'P-L' : `T-${m[1][1]}`}`;
  return null;
}

/** Packs a provisional or survey designation ("2019 AA1" → "K19A01A"); null if it is not one. */
export function packProvisional(readable: string): string | null {
  const t = readable.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4}) ([A-HJ-Y])([A-HJ-Z])(\d*)$/i.exec(t);
  if (m) {
    const year = Number(m[1]);
    const century = CENTURY_LETTER[Math.floor(year / 100)];
    const cycle = m[4] === '' ? 0 : Number(m[4]);
    if (!century || cycle > 619) return null;
    const cyc = B62[Math.floor(cycle / 10)] + String(cycle % 10);
    return `${century}${String(year % 100).padStart(2, '0')}${m[2].toUpperCase()}${cyc}${m[3].toUpperCase()}`;
  }
  m = /^(\d{4}) (P-L|T-1|T-2|T-3)$/i.exec(t);
  if (m) return `${m[2].toUpperCase() === 'P-L' ? 'PL' : 'T' + m[2][2]}S${m[1]}`;
  return null;
}

/** Either kind of packed designation → `{number}` or `{designation}`; null when not packed. */
export function unpackDesignation(packed: string): { number: number } | { designation: string } | null {
  const n = unpackNumber(packed);
  if (n !== null) return { number: n };
  const d = unpackProvisional(packed);
  return d === null ? null : { designation: d };
}
