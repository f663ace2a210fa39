/**
 * Nelder–Mead simplex minimisation in a box (Lagarias et al. 1998 coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½). Used to refine grid minima below the grid step; points
 * outside the box are clamped onto it. Small and allocation-light: it runs a few hundred
 * evaluations, not millions.
 */
export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step: number[],
  opts: { lower?: number[]; upper?: number[]; maxEvaluations?: number; xTol?: number; fTol?: number } = {},
): NelderMeadResult {
  const n = x0.length;
  const lo = opts.lower ?? x0.map(() => -Infinity);
  const hi = opts.upper ?? x0.map(() => Infinity);
  const maxEval = opts.maxEvaluations ?? 200 * n;
  const xTol = opts.xTol ?? 1e-6;
  const fTol = opts.fTol ?? 1e-10;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(hi[i], Math.max(lo[i], v)));
  let evals = 0;
  const F = (x: number[]) => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [clamp(x0)];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step[i];
    if (p[i] > hi[i]) p[i] = x0[i] - step[i];
    pts.push(clamp(p));
  }
  const vals = pts.map(F);
  while (evals < maxEval) {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    const P = order.map((i) => pts[i]);
    const V = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) {
      pts[i] = P[i];
      vals[i] = V[i];
    }
    const spread = Math.max(...pts.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - pts[0][i]) / Math.max(1, Math.abs(step[i]))))));
    if (spread < xTol || (Number.isFinite(vals[n]) && Math.abs(vals[n] - vals[0]) < fTol)) break;
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d] += pts[i][d] / n;
    const along = (t: number) => clamp(centroid.map((c, d) => c + t * (pts[n][d] - c)));
    const xr = along(-1);
    const fr = F(xr);
    if (fr < vals[0]) {
      const xe = along(-2);
      const fe = F(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < vals[n];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = F(xc);
      if (fc < (outside ? fr : vals[n])) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = clamp(pts[i].map((v, d) => pts[0][d] + 0.5 * (v - pts[0][d])));
          vals[i] = F(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: pts[best], f: vals[best], evaluations: evals };
}
