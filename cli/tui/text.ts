// Fixed-width text helpers for the screens (every line is cut to the terminal width, never wrapped).
export { fmt, fmtSig } from '../format/table.js';

/** Cuts `s` to `w` columns with an ellipsis, then pads it. */
export function cell(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  if (w <= 0) return '';
  const cut = s.length > w ? (w > 1 ? s.slice(0, w - 1) + '…' : s.slice(0, w)) : s;
  return align === 'left' ? cut.padEnd(w) : cut.padStart(w);
}

/** A horizontal bar of `width` cells filled to `fraction` (eighth-block resolution). */
export function bar(fraction: number, width: number, ascii = false): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  if (ascii) {
    const n = Math.round(f * width);
    return '#'.repeat(n) + '.'.repeat(width - n);
  }
  const eighths = Math.round(f * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  const parts = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  const s = '█'.repeat(full) + (rest > 0 ? parts[rest] : '');
  return s + ' '.repeat(Math.max(0, width - s.length));
}

/** Mass in the most readable of kg / t / kt / Mt. */
export function fmtMass(kg: number | null | undefined): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return '—';
  if (kg === 0) return '0 kg';
  const a = Math.abs(kg);
  if (a >= 1e9) return `${sig(kg / 1e9)} Mt`;
  if (a >= 1e6) return `${sig(kg / 1e6)} kt`;
  if (a >= 1e3) return `${sig(kg / 1e3)} t`;
  if (a >= 1) return `${sig(kg)} kg`;
  return `${sig(kg * 1e3)} g`;
}

/** Money in $ with k/M/B/T suffixes. */
export function fmtUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '—';
  const a = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  if (a >= 1e12) return `${sign}$${sig(a / 1e12)}T`;
  if (a >= 1e9) return `${sign}$${sig(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}$${sig(a / 1e6)}M`;
  if (a >= 1e3) return `${sign}$${sig(a / 1e3)}k`;
  return `${sign}$${sig(a)}`;
}

/** Three significant figures, no exponent for ordinary magnitudes. */
export function sig(x: number, n = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(n - 1);
  const d = Math.max(0, n - 1 - Math.floor(Math.log10(a)));
  return x.toFixed(d);
}

/** ISO date (YYYY-MM-DD) of a TDB Julian date, ignoring the ~69 s TDB−UTC offset (display only). */
export function jdToDate(jd: number): string {
  if (!Number.isFinite(jd)) return '—';
  return new Date((jd - 2440587.5) * 86400e3).toISOString().slice(0, 10);
}

/** Asteroid size: metres below 1 km, km above (`extra` more significant figures than usual). */
export function fmtSize(km: number | null | undefined, extra = 0): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return '—';
  if (km < 1) return `${sig(km * 1000, 2 + extra)} m`;
  return `${sig(km, 3 + extra)} km`;
}

/**
 * "16.84 km (16.78–16.90 km)": a size and its range with as many figures as it takes for values
 * that differ to read differently (at 3 figures Eros's range was "16.8 km–16.9 km" around 16.8).
 */
export function fmtSizeRange(km: number, lowKm: number, highKm: number): string {
  let extra = 0;
  const xs = [lowKm, km, highKm];
  const clash = (e: number) => xs.some((a, i) => xs.some((b, j) => j > i && a !== b && fmtSize(a, e) === fmtSize(b, e)));
  while (extra < 3 && clash(extra)) extra++;
  const lo = fmtSize(lowKm, extra);
  const hi = fmtSize(highKm, extra);
  const unit = (t: string) => t.slice(t.lastIndexOf(' '));
  // One unit for the range when both ends share it.
  const range = unit(lo) === unit(hi) ? `${lo.slice(0, lo.lastIndexOf(' '))}–${hi}` : `${lo}–${hi}`;
  return `${fmtSize(km, extra)} (${range})`;
}

/**
 * Word-wraps `text` to `width` columns; continuation lines start with `indent`. Spacing inside a
 * line (alignment, a leading indent) is kept. A word longer than a line is cut across lines
 * (never dropped), so nothing the screen wants to say is lost.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const tokens = [...para.matchAll(/(\s*)(\S+)/g)].map((m) => ({ space: m[1], word: m[2] }));
    if (tokens.length === 0) {
      out.push('');
      continue;
    }
    // Continuations line up under the paragraph's own leading spaces plus `indent`.
    const lead = tokens[0].space;
    const cont = (lead + indent).length < w ? lead + indent : '';
    let cur = '';
    let fresh = true; // nothing but the indent on the current line yet
    tokens.forEach(({ space, word }, i) => {
      const sep = i === 0 ? lead : fresh ? '' : space;
      const candidate = cur + sep + word;
      if (candidate.length <= w) {
        cur = candidate;
        fresh = false;
        return;
      }
      if (!fresh) {
        out.push(cur);
        cur = cont;
        fresh = true;
      } else if (i === 0) cur = lead.length < w ? lead : '';
      let rest = word;
      while (cur.length + rest.length > w) {
        const room = Math.max(1, w - cur.length);
        out.push(cur + rest.slice(0, room));
        rest = rest.slice(room);
        cur = cont;
      }
      cur += rest;
      fresh = false;
    });
    if (!fresh) out.push(cur);
  }
  return out;
}

/** The global keys closing every key line (kept here, free of ink, so the start-up frame can show them too). */
export const KEY_TAIL = '? help  ! warn  q quit';
