/**
 * Reentry and refining throughput: Stardust entries per second (US-76 and exponential, default
 * 0.1 s RK4 step, 125 km interface to drogue conditions, ≈ 1,260 steps), capsule sizings per
 * second (one entry each), and one-year refining runs per second (365 daily Kepler solves). No
 * DESIGN §5 target; the figures tell plan() what a Monte Carlo over entry conditions costs.
 */
import type { Bench } from './run.js';
import { throughput } from './run.js';
import { simulateEntry } from '../src/reentry/entry-simulation.js';
import { capsulesForCargo } from '../src/reentry/capsule-sizing.js';
import { refineYield } from '../src/refining/optical-yield.js';

const DEG = Math.PI / 180;
const STARDUST = { massKg: 45.8, diameterM: 0.811, noseRadiusM: 0.2202, cd: 1.5, speedKmS: 12.9, fpaRad: -8.2 * DEG };
const BENNU = { epochJd: 2455562.5, aAu: 1.126391, e: 0.203745, iDeg: 6.0349, omDeg: 2.0609, wDeg: 66.2231, maDeg: 101.7039 };
const METAL_BODY = { massKg: 1e9, grades: { Fe: 0.2, Ni: 0.012, Pt: 1e-6 }, metalFraction: 0.05 };

export const bench: Bench = {
  name: 'reentry',
  run: () => {
    let sink = 0;
    const us76 = throughput(300, (i) => {
      sink += simulateEntry({ ...STARDUST, speedKmS: 12.9 + (i % 5) * 0.01, atmosphere: 'us76' }).peakDecelG;
    });
    const expo = throughput(300, (i) => {
      sink += simulateEntry({ ...STARDUST, speedKmS: 12.9 + (i % 5) * 0.01, atmosphere: 'exponential' }).peakDecelG;
    });
    const sizing = throughput(300, (i) => {
      sink += capsulesForCargo(10_000 + i, { grossMassKg: 100 }, 12, -10 * DEG).count;
    });
    const refine = throughput(1000, (i) => {
      sink += refineYield({ orbit: BENNU, arriveJdTdb: 2461000.5 + i, stayDays: 365, concentrator: { diameterM: 10 }, route: 'melt-metal', body: METAL_BODY }).totals.processedKg;
    });
    if (!Number.isFinite(sink)) throw new Error('reentry bench: non-finite result');
    return [
      { name: 'entry simulation, Stardust, US-76', perSecond: us76, unit: 'entries/s', note: '125 km → drogue, RK4 0.1 s' },
      { name: 'entry simulation, Stardust, exponential', perSecond: expo, unit: 'entries/s', note: '125 km → drogue, RK4 0.1 s' },
      { name: 'capsulesForCargo (entry + TPS sizing)', perSecond: sizing, unit: 'sizings/s', note: '100 kg capsule, 12 km/s, −10°' },
      { name: 'refineYield, 365-day stay, daily steps', perSecond: refine, unit: 'runs/s', note: 'one per plan() sample' },
    ];
  },
};
