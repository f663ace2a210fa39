// Plain-text tables for terminal output: right-aligned numbers, one header row, no borders.
import { stripAnsi } from './style.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], opts: { header?: (s: string) => string } = {}): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, j) => Math.max(stripAnsi(c.header).length, ...cells.map((row) => stripAnsi(row[j]).length)));
  const pad = (s: string, j: number) => {
    const gap = ' '.repeat(Math.max(0, widths[j] - stripAnsi(s).length));
    return columns[j].align === 'left' ? s + gap : gap + s;
  };
  const head = columns.map((c, j) => pad(c.header, j)).join('  ');
  const lines = [opts.header ? opts.header(head) : head, ...cells.map((row) => row.map(pad).join('  ').trimEnd())];
  return lines.join('\n') + '\n';
}

/** Fixed decimals, or "—" for a missing value. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

/** Significant figures with thousands grouping for large values, for human reading only. */
export function fmtSig(x: number | null | undefined, sig = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4) return x.toExponential(sig - 1);
  const digits = Math.max(0, sig - 1 - Math.floor(Math.log10(abs)));
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Key–value block: aligned labels. */
export function renderPairs(pairs: ReadonlyArray<readonly [string, string]>, indent = ''): string {
  const w = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(w)}  ${v}`).join('\n') + '\n';
}

/** Like fmtSig, keeping trailing zeros (16.90, not 16.9: figures side by side in a range line up). */
export function fmtSigZeros(x: number | null | undefined, sig = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4) return x.toExponential(sig - 1);
  const digits = Math.max(0, sig - 1 - Math.floor(Math.log10(abs)));
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/**
 * The fewest significant figures (from `sig`, at most `maxSig`) at which values that differ are
 * printed differently: a range whose ends round to the same text (Eros 16.8 km as "(17–17)",
 * Psyche's mass as "(2.4e+19–2.4e+19)") says the opposite of what it means.
 */
export function distinctSig(values: ReadonlyArray<number | null | undefined>, sig: number, format: (x: number, sig: number) => string = fmtSig, maxSig = 6): number {
  const xs = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  for (let s = sig; s < maxSig; s++) {
    let ok = true;
    for (let i = 0; i < xs.length && ok; i++) {
      for (let j = i + 1; j < xs.length && ok; j++) {
        if (xs[i] !== xs[j] && format(xs[i], s) === format(xs[j], s)) ok = false;
      }
    }
    if (ok) return s;
  }
  return maxSig;
}

/**
 * "value (low–high)" with enough figures that the three read differently when they differ: the
 * value at `sig` figures or more, the ends at `rangeSig` or more (fewer: a range is a rough guide).
 */
export function fmtValueRange(value: number | null | undefined, low: number | null | undefined, high: number | null | undefined, opts: { sig?: number; rangeSig?: number; format?: (x: number, sig: number) => string } = {}): string {
  const format = opts.format ?? fmtSigZeros;
  const show = (x: number | null | undefined, s: number) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : format(x, s));
  const s = distinctSig([low, value, high], opts.rangeSig ?? opts.sig ?? 3, format);
  return `${show(value, Math.max(opts.sig ?? 3, s))} (${show(low, s)}–${show(high, s)})`;
}
