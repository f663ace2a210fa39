// A one-line progress bar on stderr for long single-target searches (trip, porkchop): drawn only on a
// terminal (a log or a pipe gets nothing), redrawn at most every 100 ms, erased when the work ends.
import type { CliContext } from './context.js';
import { makeStyle } from './format/style.js';

export interface ProgressLine {
  /** `done` of `total` units of the current phase; `what` names the phase and its units. */
  update: (done: number, total: number, what: string) => void;
  /** Erases the line (idempotent). */
  done: () => void;
}

function fmtEta(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec)) return '--';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}

/** Null unless stderr is a terminal: callers pass `line?.update` as the engine's onProgress. */
export function terminalProgress(ctx: CliContext, label: string): ProgressLine | null {
  if (ctx.stderr.isTTY !== true) return null;
  const st = makeStyle(ctx.colorErr);
  let last = 0;
  let drawn = false;
  let phase = '';
  let phaseStart = Date.now();
  return {
    update: (done, total, what) => {
      const now = Date.now();
      if (what !== phase) {
        phase = what;
        phaseStart = now;
      } else if (now - last < 100) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const elapsedS = (now - phaseStart) / 1000;
      // ETA of this phase from its own rate (phases run at very different speeds).
      const eta = frac > 0 && elapsedS > 0.5 ? (elapsedS * (1 - frac)) / frac : null;
      const text = `${what} ${done}/${total} (${(frac * 100).toFixed(0)}%)  ETA ${fmtEta(eta)}`;
      const width = Math.max(10, Math.min(30, (ctx.stderr.columns ?? 80) - text.length - label.length - 6));
      const fill = Math.round(frac * width);
      ctx.stderr.write(`\r${st.cyan(label)} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${text}\x1b[K`);
      drawn = true;
    },
    done: () => {
      if (drawn) ctx.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
