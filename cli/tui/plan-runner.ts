// Runs plan() off the render path: in a worker thread when this build can start one (the built
// CLI, or source run under tsx), otherwise in-process with yields to the event loop. The screen
// keeps drawing and reading keys while it works, and Esc (an AbortSignal) stops it.
import { Worker } from 'node:worker_threads';
import type { ScenarioApi, ScenarioDoc } from './session.js';

export interface PlanProgress {
  done: number;
  total: number;
}

export interface PlanRun {
  plan: unknown;
  samples: number;
  /**
   * The sample count `prospector plan/export` would use for this scenario here (PROSPECTOR_SAMPLES,
   * the scenario file, prospector.config.json, the user config, else 1000).
   */
  fullSamples: number;
}

interface Opts {
  /** At most this many Monte Carlo samples; null: the full count (as the CLI would use). */
  samples: number | null;
  signal: AbortSignal;
  /** Directory the CLI settings (prospector.config.json) are read from. */
  cwd: string;
  /** The command's environment: PROSPECTOR_SAMPLES/SEED and the user config's location (XDG_CONFIG_HOME, HOME). */
  env: NodeJS.ProcessEnv;
  /** The session's catalog file (absolute), as the command layer resolved it; undefined: bundled (or the scenario's own). */
  catalog?: string;
  /** Today's UTC date (YYYY-MM-DD): starts the default launch window of a scenario without one. */
  today?: string;
  /** Worker thread to use: live plans and export plans never cancel each other. */
  role?: 'plan' | 'export';
  onProgress?: (p: PlanProgress) => void;
}

class PlanError extends Error {
  code?: string;
  field?: string;
}

const cancelled = () => Object.assign(new PlanError('plan: cancelled'), { code: 'CANCELLED' });

/**
 * The worker, or null when a worker cannot load our code (under vitest). The build runs
 * plan-worker.js directly; a source run under tsx registers tsx inside the worker first
 * (loader hooks from the main thread's `--import tsx` do not reach worker threads on Node 20).
 */
function createWorker(): Worker | null {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./plan-worker.js', import.meta.url));
  if (process.env.VITEST) return null;
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  const entry = new URL('./plan-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

type Role = 'plan' | 'export' | 'units';
// Threads: live planning (terminated to cancel), full-sample plans for exports (same), and unit
// conversion (never waits behind a plan).
const workers: Record<Role, Worker | null> = { plan: null, export: null, units: null };
let nextId = 1;

function getWorker(role: Role = 'plan'): Worker | null {
  let w = workers[role];
  if (!w) {
    w = createWorker();
    if (!w) return null;
    const self = w;
    workers[role] = w;
    // The session may end while the worker idles: never keep the process alive for it.
    w.unref();
    const forget = () => {
      if (workers[role] === self) workers[role] = null;
    };
    w.on('error', forget);
    w.on('exit', forget);
  }
  return w;
}

/** Stops one planning worker (cancel), or every worker (`all`, end of session). */
export async function stopPlanWorker(all = true, role: Role = 'plan'): Promise<void> {
  const roles: Role[] = all ? ['plan', 'export', 'units'] : [role];
  await Promise.all(
    roles.map((r) => {
      const w = workers[r];
      workers[r] = null;
      return w ? w.terminate() : undefined;
    }),
  );
}

export async function runPlanOffThread(api: ScenarioApi, doc: ScenarioDoc, source: string, opts: Opts): Promise<PlanRun> {
  const role = opts.role ?? 'plan';
  const w = getWorker(role);
  if (w) return runInWorker(w, role, doc, source, opts);
  return runInProcess(api, doc, source, opts);
}

function runInWorker(w: Worker, role: Role, doc: ScenarioDoc, source: string, opts: Opts): Promise<PlanRun> {
  return new Promise<PlanRun>((resolve, reject) => {
    if (opts.signal.aborted) return reject(cancelled());
    const id = nextId++;
    const onMessage = (m: { id: number; type: string; done?: number; total?: number; plan?: unknown; samples?: number; fullSamples?: number; message?: string; code?: string; field?: string }) => {
      if (m.id !== id) return;
      if (m.type === 'progress') opts.onProgress?.({ done: m.done ?? 0, total: m.total ?? 0 });
      else {
        cleanup();
        if (m.type === 'done') resolve({ plan: m.plan, samples: m.samples ?? 0, fullSamples: m.fullSamples ?? m.samples ?? 0 });
        else reject(Object.assign(new PlanError(m.message ?? 'plan failed'), { code: m.code ?? undefined, field: m.field ?? undefined }));
      }
    };
    const onExit = () => {
      cleanup();
      reject(opts.signal.aborted ? cancelled() : new PlanError('plan: the worker stopped unexpectedly'));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    // Esc: the sampling loop is synchronous in places, so stop the thread rather than ask it.
    const onAbort = () => {
      cleanup();
      void stopPlanWorker(false, role);
      reject(cancelled());
    };
    const cleanup = () => {
      w.off('message', onMessage);
      w.off('exit', onExit);
      w.off('error', onError);
      opts.signal.removeEventListener('abort', onAbort);
    };
    w.on('message', onMessage);
    w.on('exit', onExit);
    w.on('error', onError);
    opts.signal.addEventListener('abort', onAbort, { once: true });
    w.postMessage({ id, kind: 'plan', doc, source, samples: opts.samples, cwd: opts.cwd, env: { ...opts.env }, catalog: opts.catalog, today: opts.today });
  });
}

/** Lets ink paint the "planning…" frame and process keys before the work starts. */
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

async function runInProcess(api: ScenarioApi, doc: ScenarioDoc, source: string, opts: Opts): Promise<PlanRun> {
  await yieldToLoop();
  const scenario = (await api.parseScenario(doc, source)) as { uncertainty?: { samples?: number; seed?: number } };
  if (opts.signal.aborted) throw cancelled();
  const settings = await cliSettings(scenario, opts.cwd, opts.env);
  const samples = opts.samples === null ? settings.samples : Math.min(settings.samples, opts.samples);
  await yieldToLoop();
  const plan = await api.plan(scenario, {
    samples,
    seed: settings.seed,
    catalog: opts.catalog,
    signal: opts.signal,
    today: opts.today,
    onProgress: (done, total) => opts.onProgress?.({ done, total }),
  });
  return { plan, samples, fullSamples: settings.samples };
}

/**
 * Samples and seed exactly as `prospector plan/export` resolve them here (environment, scenario,
 * config files, defaults), so an export from the session matches the command's. `env` is the
 * command's environment, handed down from the command layer.
 */
export async function cliSettings(scenario: { uncertainty?: { samples?: number; seed?: number } }, cwd: string, env: NodeJS.ProcessEnv): Promise<{ samples: number; seed: number }> {
  const { resolveSettings } = await import('../config.js');
  const s = resolveSettings({}, { env, cwd }, { samples: scenario.uncertainty?.samples, seed: scenario.uncertainty?.seed });
  return { samples: s.samples, seed: s.seed };
}

/**
 * Converts a typed quantity ("40 kW") to `unit`, in the worker when there is one so that loading
 * mathjs never freezes the screen. Throws the units module's InputError-style message.
 */
export async function convertQuantity(text: string, unit: string, field: string): Promise<number> {
  const w = getWorker('units');
  if (!w) {
    const { quantity } = await import('../../src/scenario/units.js');
    return quantity(text, unit, field);
  }
  return new Promise<number>((resolve, reject) => {
    const id = nextId++;
    const done = () => {
      w.off('message', onMessage);
      w.off('exit', onExit);
    };
    const onMessage = (m: { id: number; type: string; value?: number; message?: string }) => {
      if (m.id !== id) return;
      done();
      if (m.type === 'done' && typeof m.value === 'number') resolve(m.value);
      else reject(new Error(m.message ?? `${field}: cannot read "${text}"`));
    };
    // Never leave a caller waiting on a thread that is gone.
    const onExit = () => {
      done();
      reject(new Error(`${field}: the unit converter stopped; try again`));
    };
    w.on('message', onMessage);
    w.on('exit', onExit);
    w.postMessage({ id, kind: 'quantity', text, unit, field });
  });
}
