// Session state shared by the screens: the target, the scenario being edited, the current plan
// (computed off the render path, cancellable), plans kept for comparison, export and save.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ModuleLoader } from './engine.js';
import { useStateRef } from './hooks.js';
import { requireExports } from './engine.js';
import type { Asteroid } from './types.js';
import { shortLabel } from './types.js';
import type { Tone } from './components.js';
import type { CatalogState } from './views/targets.js';
import { runPlanOffThread, type PlanProgress } from './plan-runner.js';

/** What the scenario module must provide for planning in the TUI. */
export interface ScenarioApi {
  parseScenario(doc: unknown, source?: string): Promise<unknown>;
  plan(scenario: unknown, opts: { samples?: number; seed?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): unknown;
  loadScenario?(path: string): Promise<unknown>;
}

export type ScenarioDoc = Record<string, unknown>;

export type ScenarioState =
  | { status: 'loading' }
  | { status: 'none'; reason: string }
  | { status: 'ready'; doc: ScenarioDoc; path?: string; name: string; error?: string };

export type PlanState =
  | { status: 'idle' }
  | { status: 'unavailable'; reason: string }
  | { status: 'running'; progress: PlanProgress | null; previous?: unknown }
  | { status: 'done'; plan: any; ms: number; samples: number }
  | { status: 'error'; message: string; previous?: unknown }
  | { status: 'cancelled'; previous?: unknown };

export interface KeptPlan {
  label: string;
  plan: any;
  doc: ScenarioDoc;
}

/** A pending filename prompt (export or save); `confirm` is set once the file exists. */
export interface FilePrompt {
  kind: 'csv' | 'json' | 'scenario';
  text: string;
  confirmOverwrite?: boolean;
}

export interface Session {
  engine: ModuleLoader;
  cwd: string;
  target: Asteroid | null;
  setTarget(a: Asteroid): void;
  scenario: ScenarioState;
  /** Sets a field of the scenario document (path like ['spacecraft', 'power']) and re-plans. */
  setField(path: string[], value: unknown): void;
  plan: PlanState;
  /** Plans now with the scenario's own sample count (edits use LIVE_SAMPLES). */
  replan(): void;
  cancel(): void;
  kept: KeptPlan[];
  keep(): void;
  dropKept(i: number): void;
  exportPlan(format: 'csv' | 'json'): void;
  saveScenario(): void;
  prompt: FilePrompt | null;
  /** The prompt as of the last set (ahead of rendering). */
  promptRef: { readonly current: FilePrompt | null };
  setPrompt(p: FilePrompt | null): void;
  submitPrompt(): Promise<void>;
  busy: boolean;
  busyText?: string;
  /** Results cached per target by the trajectory view (porkchop, round trip). */
  cache: Map<string, unknown>;
  setBusyText(text: string | undefined): void;
}

/** Samples for the live plan: enough for stable P10/P90, few enough to follow edits. */
export const LIVE_SAMPLES = 200;

export function getPath(doc: unknown, path: string[]): unknown {
  let cur: unknown = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function setPath(doc: ScenarioDoc, path: string[], value: unknown): ScenarioDoc {
  const out: ScenarioDoc = { ...doc };
  let cur: Record<string, unknown> = out;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i]];
    const copy = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
    cur[path[i]] = copy;
    cur = copy;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return out;
}

interface Opts {
  engine: ModuleLoader;
  cwd: string;
  scenarioPath?: string;
  setStatus: (text: string, tone?: Tone) => void;
  catalog: CatalogState;
}

export function useSession({ engine, cwd, scenarioPath, setStatus, catalog }: Opts): Session {
  const [target, setTargetState] = useState<Asteroid | null>(null);
  const [scenario, setScenario] = useState<ScenarioState>({ status: 'loading' });
  const [plan, setPlan] = useState<PlanState>({ status: 'idle' });
  const [kept, setKept] = useState<KeptPlan[]>([]);
  const [prompt, setPrompt, promptRef] = useStateRef<FilePrompt | null>(null);
  const [busyText, setBusyText] = useState<string | undefined>(undefined);
  const abortRef = useRef<AbortController | null>(null);
  const debounceRef = useRef<NodeJS.Timeout | undefined>(undefined);
  const cache = useMemo(() => new Map<string, unknown>(), []);
  const genRef = useRef(0);

  // The scenario: the file given on the command line, else the bundled example.
  useEffect(() => {
    let live = true;
    void (async () => {
      const { readScenarioDoc, defaultScenarioPath } = await import('./scenario-doc.js');
      const path = scenarioPath ? resolve(cwd, scenarioPath) : defaultScenarioPath();
      if (!path) {
        if (live) setScenario({ status: 'none', reason: 'no scenario given and no bundled example scenario in this build' });
        return;
      }
      try {
        const doc = await readScenarioDoc(path);
        if (live) setScenario({ status: 'ready', doc, path, name: String(doc.name ?? path.split('/').pop()) });
      } catch (err) {
        if (live) setScenario({ status: 'none', reason: (err as Error).message });
        if (live && scenarioPath) setStatus((err as Error).message, 'error');
      }
    })();
    return () => {
      live = false;
    };
  }, [cwd, scenarioPath, setStatus]);

  // Once the catalog is loaded, the scenario's target becomes the selected asteroid.
  useEffect(() => {
    if (target || catalog.status !== 'ready' || scenario.status !== 'ready') return;
    const des = getPath(scenario.doc, ['target', 'designation']);
    if (des === undefined || typeof catalog.api.findAsteroid !== 'function') return;
    try {
      setTargetState(catalog.api.findAsteroid(catalog.asteroids, String(des)));
    } catch {
      /* the scenario names an asteroid outside the bundled catalog: leave the selection empty */
    }
  }, [catalog, scenario, target]);

  const cancel = useCallback(() => {
    clearTimeout(debounceRef.current);
    if (abortRef.current) {
      abortRef.current.abort();
      abortRef.current = null;
    }
  }, []);

  const runPlan = useCallback(
    async (doc: ScenarioDoc, source: string, full = false) => {
      cancel();
      const gen = ++genRef.current;
      const api = requireExports<ScenarioApi>(await engine('scenario'), 'scenario', ['parseScenario', 'plan']);
      if (gen !== genRef.current) return;
      if (!api.ok) {
        setPlan({ status: 'unavailable', reason: api.reason });
        return;
      }
      const controller = new AbortController();
      abortRef.current = controller;
      setPlan((p) => ({ status: 'running', progress: null, previous: p.status === 'done' ? p.plan : 'previous' in p ? p.previous : undefined }));
      const t0 = Date.now();
      let lastProgress = 0;
      try {
        const result = await runPlanOffThread(api.value, doc, source, {
          samples: full ? null : LIVE_SAMPLES,
          signal: controller.signal,
          onProgress: (pr) => {
            // At most ~10 progress redraws a second (the worker already throttles; the in-process path does not).
            const now = Date.now();
            if (pr.done < pr.total && now - lastProgress < 100) return;
            lastProgress = now;
            if (gen === genRef.current) setPlan((p) => (p.status === 'running' ? { ...p, progress: pr } : p));
          },
        });
        if (gen !== genRef.current) return;
        setPlan({ status: 'done', plan: result.plan, ms: Date.now() - t0, samples: result.samples });
        setScenario((s) => (s.status === 'ready' ? { ...s, error: undefined } : s));
      } catch (err) {
        if (gen !== genRef.current) return;
        const e = err as Error & { code?: string };
        setPlan((p) => {
          const previous = p.status === 'running' ? p.previous : undefined;
          return e.code === 'CANCELLED' || controller.signal.aborted ? { status: 'cancelled', previous } : { status: 'error', message: e.message, previous };
        });
        if (e.code === 'CANCELLED' || controller.signal.aborted) setStatus('Plan cancelled; the numbers shown are from the last finished plan.', 'warn');
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
      }
    },
    [cancel, engine, setStatus],
  );

  const scheduleRun = useCallback(
    (doc: ScenarioDoc, source: string) => {
      clearTimeout(debounceRef.current);
      // Keys typed in a burst (or arrows held down) start one computation, not one each.
      debounceRef.current = setTimeout(() => void runPlan(doc, source), 150);
    },
    [runPlan],
  );

  useEffect(() => () => cancel(), [cancel]);

  // First plan as soon as a scenario is there.
  const firstRun = useRef(false);
  useEffect(() => {
    if (firstRun.current || scenario.status !== 'ready') return;
    firstRun.current = true;
    scheduleRun(scenario.doc, scenario.path ?? 'scenario');
  }, [scenario, scheduleRun]);

  const setTarget = useCallback(
    (a: Asteroid) => {
      setTargetState(a);
      setScenario((s) => {
        if (s.status !== 'ready') return s;
        const doc = setPath(s.doc, ['target', 'designation'], a.designation);
        scheduleRun(doc, s.path ?? 'scenario');
        return { ...s, doc };
      });
    },
    [scheduleRun],
  );

  const setField = useCallback(
    (path: string[], value: unknown) => {
      setScenario((s) => {
        if (s.status !== 'ready') return s;
        const doc = setPath(s.doc, path, value);
        scheduleRun(doc, s.path ?? 'scenario');
        return { ...s, doc };
      });
    },
    [scheduleRun],
  );

  const replan = useCallback(() => {
    if (scenario.status === 'ready') void runPlan(scenario.doc, scenario.path ?? 'scenario', true);
  }, [runPlan, scenario]);

  const keep = useCallback(() => {
    if (plan.status !== 'done' || scenario.status !== 'ready') {
      setStatus('Nothing to keep yet: the plan is not finished (Mission view, 3).', 'warn');
      return;
    }
    const label = `${kept.length + 1}: ${target ? shortLabel(target) : String(getPath(scenario.doc, ['target', 'designation']) ?? '?')}`;
    setKept((k) => [...k, { label, plan: plan.plan, doc: scenario.doc }]);
    setStatus(`Kept plan ${label} (${kept.length + 1} kept; Compare view, 5).`, 'ok');
  }, [kept.length, plan, scenario, setStatus, target]);

  const dropKept = useCallback((i: number) => setKept((k) => k.filter((_, j) => j !== i)), []);

  const baseName = useMemo(() => {
    const des = target ? shortLabel(target) : scenario.status === 'ready' ? String(getPath(scenario.doc, ['target', 'designation']) ?? 'plan') : 'plan';
    return des.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'plan';
  }, [scenario, target]);

  const exportPlan = useCallback(
    (format: 'csv' | 'json') => {
      if (plan.status !== 'done') {
        setStatus('Nothing to export yet: the plan is not finished (Mission view, 3).', 'warn');
        return;
      }
      setPrompt({ kind: format, text: `${baseName}-yield.${format}` });
    },
    [baseName, plan.status, setStatus],
  );

  const saveScenario = useCallback(() => {
    if (scenario.status !== 'ready') {
      setStatus('No scenario to save.', 'warn');
      return;
    }
    setPrompt({ kind: 'scenario', text: `${baseName}-scenario.yaml` });
  }, [baseName, scenario.status, setStatus]);

  const submitPrompt = useCallback(async () => {
    const prompt = promptRef.current;
    if (!prompt) return;
    const file = resolve(cwd, prompt.text.trim());
    if (!prompt.text.trim()) {
      setStatus('Give a file name (Esc cancels).', 'warn');
      return;
    }
    const force = prompt.confirmOverwrite === true;
    if (!force && existsSync(file)) {
      setPrompt({ ...prompt, confirmOverwrite: true });
      setStatus(`${prompt.text.trim()} exists: Enter again overwrites it, Esc keeps it.`, 'warn');
      return;
    }
    try {
      const { writePlanExport, writeScenarioDoc } = await import('./scenario-doc.js');
      if (prompt.kind === 'scenario') {
        if (scenario.status !== 'ready') throw new Error('no scenario to save');
        await writeScenarioDoc(file, scenario.doc, force);
        setStatus(`Saved the scenario to ${file}`, 'ok');
      } else {
        if (plan.status !== 'done') throw new Error('the plan is not finished');
        const what = await writePlanExport(engine, plan.plan, prompt.kind, file, force);
        setStatus(`Exported ${what}, ${plan.samples} samples, to ${file}`, 'ok');
      }
      setPrompt(null);
    } catch (err) {
      setStatus((err as Error).message, 'error');
      setPrompt(null);
    }
  }, [cwd, engine, plan, promptRef, scenario, setPrompt, setStatus]);

  const running = plan.status === 'running';
  const progressText =
    plan.status === 'running'
      ? `planning ${plan.progress ? `${plan.progress.done}/${plan.progress.total} samples` : '…'} (Esc in Mission cancels)`
      : undefined;
  return {
    engine,
    cwd,
    target,
    setTarget,
    scenario,
    setField,
    plan,
    replan,
    cancel,
    kept,
    keep,
    dropKept,
    exportPlan,
    saveScenario,
    prompt,
    promptRef,
    setPrompt,
    submitPrompt,
    busy: running || busyText !== undefined,
    busyText: busyText ?? progressText,
    cache,
    setBusyText,
  };
}
