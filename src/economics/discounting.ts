/**
 * Discounted cash-flow measures (DESIGN §2.8). Flows are per year, index t = 0, 1, 2, … (year 0
 * undiscounted): NPV = Σ f_t·(1+i)^−t; IRR the rate where NPV = 0; payback the first year the
 * cumulative flow turns non-negative for good.
 */
import { InputError, requireFinite } from '../errors.js';

export function npv(flows: readonly number[], rate: number): number {
  requireFinite(rate, 'discountRate', { min: -1, exclusiveMin: true });
  let s = 0;
  let d = 1;
  const k = 1 / (1 + rate);
  for (let t = 0; t < flows.length; t++) {
    s += flows[t] * d;
    d *= k;
  }
  return s;
}

export interface IrrResult {
  /** The IRR as a fraction per year; null when none exists. */
  irr: number | null;
  /** Every root found on (−99 %, 1000 %] — more than one when the flows change sign more than once. */
  roots: number[];
  note: string;
}

/**
 * Internal rate of return, robustly: scan NPV(r) on a log-spaced grid of 1+r over (0.01, 11],
 * bracket each sign change and refine it by bisection (never diverges, unlike Newton). No sign
 * change in the flows → no IRR, said plainly.
 */
export function irr(flows: readonly number[]): IrrResult {
  flows.forEach((f, t) => requireFinite(f, `cashFlow[${t}]`));
  const nonzero = flows.filter((f) => f !== 0);
  if (nonzero.length === 0) return { irr: null, roots: [], note: 'no IRR: all cash flows are zero' };
  let changes = 0;
  for (let k = 1; k < nonzero.length; k++) if (Math.sign(nonzero[k]) !== Math.sign(nonzero[k - 1])) changes++;
  if (changes === 0) {
    return { irr: null, roots: [], note: nonzero[0] > 0 ? 'no IRR: the cash flows never turn negative (no investment to earn a return on)' : 'no IRR: the cash flows never turn positive (the money never comes back)' };
  }
  const N = 2000;
  const lo = Math.log(0.01);
  const hi = Math.log(11);
  const roots: number[] = [];
  let prevR = Math.exp(lo) - 1;
  let prevV = npv(flows, prevR);
  for (let k = 1; k <= N; k++) {
    const r = Math.exp(lo + ((hi - lo) * k) / N) - 1;
    const v = npv(flows, r);
    if (prevV === 0) roots.push(prevR);
    else if (Math.sign(v) !== Math.sign(prevV) && v !== 0) roots.push(bisect(flows, prevR, r, prevV));
    prevR = r;
    prevV = v;
  }
  if (prevV === 0) roots.push(prevR);
  if (roots.length === 0) return { irr: null, roots, note: 'no IRR between −99 % and +1000 % per year' };
  // With several roots the IRR is ambiguous; report the one nearest zero and list them all.
  const best = roots.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
  return { irr: best, roots, note: roots.length > 1 ? `several IRRs (${roots.map((x) => (100 * x).toFixed(2) + ' %').join(', ')}): the flows change sign more than once; prefer NPV` : 'IRR found' };
}

function bisect(flows: readonly number[], a: number, b: number, fa: number): number {
  for (let k = 0; k < 200; k++) {
    const m = 0.5 * (a + b);
    const fm = npv(flows, m);
    if (fm === 0 || b - a < 1e-13) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return 0.5 * (a + b);
}

/**
 * Payback: the first year index t at which the cumulative flow becomes ≥ 0 and stays so, with the
 * fractional year by linear interpolation inside that year; null when it never pays back.
 * With `rate`, the discounted payback.
 */
export function paybackYear(flows: readonly number[], rate = 0): { year: number | null; fractionalYear: number | null } {
  const k = 1 / (1 + requireFinite(rate, 'discountRate', { min: -1, exclusiveMin: true }));
  const cum: number[] = [];
  let s = 0;
  let d = 1;
  for (const f of flows) {
    s += f * d;
    d *= k;
    cum.push(s);
  }
  if (cum.length === 0 || cum[cum.length - 1] < 0) return { year: null, fractionalYear: null };
  let t = cum.length - 1;
  while (t > 0 && cum[t - 1] >= 0) t--;
  if (t === 0) return { year: 0, fractionalYear: 0 };
  const before = cum[t - 1];
  const gain = cum[t] - before;
  return { year: t, fractionalYear: t - 1 + (gain > 0 ? -before / gain : 1) };
}

/** Learning curve C(n) = C1·n^(log2 L): each doubling of the count multiplies unit cost by L. */
export function learningCurveUnitCost(firstUnitCost: number, n: number, learningRate: number): number {
  requireFinite(firstUnitCost, 'firstUnitCost', { min: 0 });
  if (!Number.isInteger(n) || n < 1) throw new InputError(`n: expected a whole number ≥ 1, got ${n}`, 'n');
  requireFinite(learningRate, 'learningRate', { min: 0, max: 1, exclusiveMin: true });
  return firstUnitCost * Math.pow(n, Math.log2(learningRate));
}

/** Σ C(k) for k = 1..n. */
export function learningCurveTotalCost(firstUnitCost: number, n: number, learningRate: number): number {
  let s = 0;
  for (let k = 1; k <= n; k++) s += learningCurveUnitCost(firstUnitCost, k, learningRate);
  return s;
}
