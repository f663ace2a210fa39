/**
 * plan() throughput (issue 9: "1,000 samples in under 10 s on this machine"):
 * - the cold base case (catalog lookup + NHATS-style trip search + base propulsion, refining,
 *   capsules, economics), measured on a fresh search (cache bypassed by a new launch window);
 * - a warm base case (trip cached, what an interactive re-plan costs);
 * - Monte Carlo samples per second (1,000 samples, trip cached) for each bundled example.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchLine } from './run.js';
import { loadScenario } from '../src/scenario/load.js';
import { plan } from '../src/scenario/plan.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

export const bench: Bench = {
  name: 'plan',
  run: async () => {
    const lines: BenchLine[] = [];
    for (const f of ['metal-pgm-earth.yaml', 'water-orbit-ctype.yaml', 'rare-earth-stype.yaml']) {
      const sc = await loadScenario(join(EXAMPLES, f));
      // Cold: shift the window end by a day so the trip cache misses.
      const cold = { ...sc, window: { ...sc.window, launch: { from: sc.window.launch!.from, to: sc.window.launch!.to.replace(/-(\d\d)$/, (_m, d) => `-${String(Math.max(1, Number(d) - 1)).padStart(2, '0')}`) } } };
      const coldS = await time(() => plan(cold, { samples: 0 }));
      const warm: number[] = [];
      for (let i = 0; i < 3; i++) warm.push(await time(() => plan(sc, { samples: 0 })));
      const warmS = Math.min(...warm);
      const mc: number[] = [];
      for (let i = 0; i < 2; i++) mc.push(await time(() => plan(sc, { samples: 1000, seed: i + 1 })));
      const mcS = Math.min(...mc);
      lines.push({ name: `plan ${f}: cold base case (trip search)`, perSecond: 1 / coldS, unit: 'plans/s', note: `${coldS.toFixed(2)} s` });
      lines.push({ name: `plan ${f}: warm base case (trip cached)`, perSecond: 1 / warmS, unit: 'plans/s', note: `${(warmS * 1000).toFixed(0)} ms` });
      lines.push({
        name: `plan ${f}: 1,000-sample Monte Carlo (trip cached)`,
        perSecond: 1000 / Math.max(1e-9, mcS - warmS),
        unit: 'samples/s',
        target: { label: 'issue 9: 1,000 samples < 10 s', perSecond: 100 },
        note: `whole plan(1000) ${mcS.toFixed(2)} s`,
      });
    }
    return lines;
  },
};
