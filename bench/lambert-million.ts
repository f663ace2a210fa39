/**
 * DESIGN §2.2 robustness check, full size: Izzo on the 10⁶ fixed-seed Earth→NEA geometries
 * (bench/earth-nea-geometries.ts), 0-rev and up to 3 revolutions, every solution propagated with
 * Kepler and compared with r2. A failure is a problem with no solution, a non-finite velocity,
 * or a closure error above 1e-10 relative. The test suite runs a 20,000-case sample of the same
 * set (test/astro/lambert.test.ts). Run: `npx tsx bench/lambert-million.ts [count]`.
 */
import { earthNeaGeometries } from './earth-nea-geometries.js';
import { izzoSolveInto } from '../src/astro/lambert-izzo.js';
import { propagateInto } from '../src/astro/kepler.js';
import { MU_SUN_KM3S2 } from '../src/astro/constants.js';

const CLOSURE = 1e-10;
const count = Number(process.argv[2] ?? 1_000_000);
const g = earthNeaGeometries(count);
const out = new Float64Array(6 * 7);
const p = new Float64Array(6);

for (const maxRevs of [0, 3]) {
  let failures = 0;
  let solutions = 0;
  let worst = 0;
  let worstCase = -1;
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const r1 = g.r1.subarray(3 * k, 3 * k + 3);
    const r2 = g.r2.subarray(3 * k, 3 * k + 3);
    const n = izzoSolveInto(r1, r2, g.tofS[k], MU_SUN_KM3S2, false, maxRevs, out);
    if (n < 1) {
      failures++;
      continue;
    }
    solutions += n;
    const r2n = Math.hypot(r2[0], r2[1], r2[2]);
    for (let s = 0; s < n; s++) {
      const o = 6 * s;
      const ok = propagateInto(r1[0], r1[1], r1[2], out[o], out[o + 1], out[o + 2], g.tofS[k], MU_SUN_KM3S2, p);
      const err = ok ? Math.hypot(p[0] - r2[0], p[1] - r2[1], p[2] - r2[2]) / r2n : Infinity;
      if (!(err <= CLOSURE)) failures++;
      if (!(err <= worst)) {
        worst = err;
        worstCase = k;
      }
    }
  }
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(
    `lambert-izzo maxRevs=${maxRevs}: ${count} geometries, ${solutions} solutions, ${failures} failures, ` +
      `worst closure ${worst.toExponential(2)} (case ${worstCase}), ${s.toFixed(1)} s\n`,
  );
  if (failures > 0) process.exitCode = 1;
}

// Cross-check against the independent universal-variable solver on the first 100,000 cases.
{
  const { uvSolve } = await import('../src/astro/lambert-uv.js');
  const m = Math.min(count, 100_000);
  let worst = 0;
  let disagreements = 0;
  for (let k = 0; k < m; k++) {
    const r1 = [g.r1[3 * k], g.r1[3 * k + 1], g.r1[3 * k + 2]];
    const r2 = [g.r2[3 * k], g.r2[3 * k + 1], g.r2[3 * k + 2]];
    izzoSolveInto(r1, r2, g.tofS[k], MU_SUN_KM3S2, false, 0, out);
    const uv = uvSolve(r1, r2, g.tofS[k], MU_SUN_KM3S2)[0];
    const d = Math.hypot(out[0] - uv.v1[0], out[1] - uv.v1[1], out[2] - uv.v1[2]) / Math.hypot(uv.v1[0], uv.v1[1], uv.v1[2]);
    if (!(d <= 1e-8)) disagreements++;
    if (!(d <= worst)) worst = d;
  }
  process.stdout.write(`izzo vs uv: ${m} geometries, worst |Δv1|/|v1| ${worst.toExponential(2)}, ${disagreements} above 1e-8\n`);
  if (disagreements > 0) process.exitCode = 1;
}
