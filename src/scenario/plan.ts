/**
 * `plan(scenario)`: the whole chain, catalog → trajectory → propulsion → refining →
 * capsules/reentry → supply → economics, as one deterministic base case plus a seeded Monte
 * Carlo over the uncertain inputs (DESIGN §2.9).
 *
 * The expensive trajectory search runs once, for the base case; its Δvs enter the sampling
 * through an uncertain model-error factor (DESIGN §2.4 bands), so each sample only re-runs the
 * cheap closed-form stages. Same scenario + seed + samples (+ `today`, when the scenario leaves the
 * launch window to its default) → byte-identical JSON: the PRNG is
 * our own (sfc32), every input draws from its own stream, and all outputs are built in a fixed
 * order with no clock or Map-order dependence.
 */
import { CancelledError } from '../errors.js';
import { band, type Band } from './dist.js';
import type { Scenario } from './schema.js';
import type { Plan, PlanForecastRow } from './plan-types.js';
import { prepareChain, evaluateChain, describeChain, type Outcome } from './chain.js';

export interface PlanOptions {
  /** Monte Carlo samples; 0 → the deterministic base case only. Default: scenario, else 1000. */
  samples?: number;
  /** PRNG seed (32-bit unsigned). Default: scenario, else 1. */
  seed?: number;
  /** Catalog file overriding the scenario's `target.catalog` (absolute or relative to the cwd). */
  catalog?: string;
  /** Stops the sampling (CancelledError) when aborted. */
  signal?: AbortSignal;
  /** Progress callback for long runs (done, total samples). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Today's UTC date (YYYY-MM-DD). A scenario without `window.launch` searches from the later of
   * 2025-01-01 and this date to 2045-12-31 (without it: from 2025-01-01); a scenario window that
   * starts before it gets a warning. The engine never reads the clock: front ends pass it.
   */
  today?: string;
}

const DEFAULT_SAMPLES = 1000;
const DEFAULT_SEED = 1;

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError('plan: interrupted');
}

export async function plan(scenario: Scenario, opts: PlanOptions = {}): Promise<Plan> {
  const samples = opts.samples ?? scenario.uncertainty.samples ?? DEFAULT_SAMPLES;
  const seed = (opts.seed ?? scenario.uncertainty.seed ?? DEFAULT_SEED) >>> 0;
  if (!Number.isInteger(samples) || samples < 0) throw new RangeError(`plan: samples must be a whole number ≥ 0, got ${samples}`);
  checkAbort(opts.signal);

  const chain = await prepareChain(scenario, { catalog: opts.catalog, signal: opts.signal, today: opts.today });
  checkAbort(opts.signal);
  const base = evaluateChain(chain, chain.inputs.base(), true);

  // Monte Carlo: a sample matrix drawn up front, then the cheap chain per sample.
  const outcomes: Outcome[] = [];
  if (samples > 0) {
    const columns = chain.inputs.draw(samples, seed);
    for (let i = 0; i < samples; i++) {
      if ((i & 63) === 0) {
        checkAbort(opts.signal);
        opts.onProgress?.(i, samples);
        // Yield to the event loop now and then so an interactive caller stays responsive.
        if (i > 0 && (i & 255) === 0) await new Promise<void>((r) => setImmediate(r));
      }
      outcomes.push(evaluateChain(chain, chain.inputs.row(columns, i), false));
    }
    opts.onProgress?.(samples, samples);
  }

  const col = (f: (o: Outcome) => number | null): Band | null => {
    if (outcomes.length === 0) return null;
    const xs: number[] = [];
    for (const o of outcomes) {
      const x = f(o);
      if (x === null) return null;
      xs.push(x);
    }
    return band(xs);
  };

  const products = chain.products;
  const yieldBands = products.map((el, k) => ({ element: el, band: col((o) => (o.yieldKg ? o.yieldKg[k] : null)) }));
  const deliveredBands = products.map((_el, k) => col((o) => (o.deliveredByProduct ? o.deliveredByProduct[k] : null)));
  const valueBands = products.map((_el, k) => col((o) => (o.valueUsdByProduct ? o.valueUsdByProduct[k] : null)));
  const bands = {
    deliveredKg: col((o) => o.deliveredKg),
    capsules: col((o) => o.capsules),
    npvUsd: col((o) => o.npvUsd),
    yieldKg: yieldBands.flatMap((b) => (b.band ? [{ element: b.element as string, band: b.band }] : [])),
  };

  const sections = describeChain(chain, base, {
    yieldKg: yieldBands.map((b) => b.band),
    deliveredKg: bands.deliveredKg,
    deliveredByProduct: deliveredBands,
    capsules: bands.capsules,
    npvUsd: bands.npvUsd,
  });

  // Yield forecast per element and year: each campaign mission delivers on its arrival date.
  const forecast: PlanForecastRow[] = [];
  if (base.deliveredByProduct && chain.arrivals.length > 0) {
    for (let m = 0; m < chain.arrivals.length; m++) {
      const { year, date } = chain.arrivals[m];
      products.forEach((el, k) => {
        const kb = deliveredBands[k];
        const vb = valueBands[k];
        const baseKg = base.deliveredByProduct![k];
        const baseUsd = base.valueUsdByProduct ? base.valueUsdByProduct[k] : null;
        forecast.push({
          year,
          date,
          mission: m + 1,
          element: el,
          p10Kg: kb ? kb.p10 : baseKg,
          p50Kg: kb ? kb.p50 : baseKg,
          p90Kg: kb ? kb.p90 : baseKg,
          p10Usd: vb ? vb.p10 : baseUsd,
          p50Usd: vb ? vb.p50 : baseUsd,
          p90Usd: vb ? vb.p90 : baseUsd,
        });
      });
    }
  }

  return {
    scenario: {
      name: scenario.name ?? chain.defaultName,
      source: scenario.source ?? null,
      delivery: scenario.delivery,
      samples,
      seed,
      launchWindow: chain.launchWindow,
    },
    ...sections,
    uncertainty: {
      samples,
      seed,
      infeasibleSamples: outcomes.filter((o) => !o.feasible).length,
      inputs: chain.inputs.summary(),
      bands,
    },
    forecast,
    // Modules may say the same thing twice (e.g. per stage); keep the first of each.
    warnings: [...new Set([...chain.warnings, ...base.warnings])],
  };
}
