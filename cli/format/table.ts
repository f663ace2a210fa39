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
