// Runs plan() off the render path: the screen keeps drawing and reading keys while it works,
// and Esc (an AbortSignal) stops it.
import type { ScenarioApi, ScenarioDoc } from './session.js';

export interface PlanProgress {
  done: number;
  total: number;
}

export interface PlanRun {
  plan: unknown;
  samples: number;
}

/** Lets ink paint the "planning…" frame and process keys before the work starts. */
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export async function runPlanOffThread(
  api: ScenarioApi,
  doc: ScenarioDoc,
  source: string,
  opts: { samples: number; signal: AbortSignal; onProgress?: (p: PlanProgress) => void },
): Promise<PlanRun> {
  await yieldToLoop();
  const scenario = (await api.parseScenario(doc, source)) as { uncertainty?: { samples?: number; seed?: number } };
  if (opts.signal.aborted) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
  const wanted = scenario.uncertainty?.samples ?? opts.samples;
  const samples = Math.min(wanted, opts.samples);
  const seed = scenario.uncertainty?.seed;
  await yieldToLoop();
  const plan = await api.plan(scenario, {
    samples,
    seed,
    signal: opts.signal,
    onProgress: (done, total) => opts.onProgress?.({ done, total }),
  });
  return { plan, samples };
}
