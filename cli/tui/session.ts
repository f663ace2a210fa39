// Session state shared by the screens: the target, the scenario being edited (and the file it
// came from), the mission window picked on a porkchop, the current plan (computed off the render
// path, cancellable), plans kept for comparison, export and save.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ModuleLoader } from './engine.js';
import { useStateRef } from './hooks.js';
import { requireExports } from './engine.js';
import type { Asteroid, TuiCatalog } from './types.js';
import { shortLabel } from './types.js';
import type { Tone } from './components.js';
import type { CatalogState } from './views/targets.js';
import { runPlanOffThread, type PlanProgress } from './plan-runner.js';
import { describeChanges } from './fields.js';

/** What the scenario module must provide for planning in the TUI. */
export interface ScenarioApi {
  parseScenario(doc: unknown, source?: string): Promise<unknown>;
  plan(scenario: unknown, opts: { samples?: number; seed?: number; catalog?: string; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; today?: string }): unknown;
  loadScenario?(path: string): Promise<unknown>;
}

export type ScenarioDoc = Record<string, unknown>;

export type ScenarioState =
  | { status: 'loading' }
  | { status: 'none'; reason: string }
  | {
      status: 'ready';
      doc: ScenarioDoc;
      /** The document as read from the file (labels, window resets, the saved description). */
      original: ScenarioDoc;
      /** The file's text (saving a YAML scenario keeps its comments). */
      text?: string;
      path?: string;
      name: string;
    };

export type PlanState =
  | { status: 'idle' }
  | { status: 'unavailable'; reason: string }
  | { status: 'running'; progress: PlanProgress | null; previous?: unknown }
  | { status: 'done'; plan: any; ms: number; samples: number; fullSamples: number; doc: ScenarioDoc }
  | { status: 'error'; message: string; previous?: unknown }
  | { status: 'cancelled'; previous?: unknown };

export interface KeptPlan {
  /** "#2 power @1 AU 40 kW": what differs from the scenario file. */
  label: string;
  changes: string[];
  plan: any;
  doc: ScenarioDoc;
  samples: number;
  fullSamples: number;
}

/** A mission window set from a porkchop pick (restored when the target changes or with r). */
export interface WindowPick {
  direction: 'out' | 'back';
  summary: string;
  /** `window.*` fields the pick set. */
  fields: string[];
}

/** What an export writes: the current plan or a kept one. */
export interface ExportSource {
  label: string;
  plan: any;
  doc: ScenarioDoc;
  samples: number;
  fullSamples: number;
  kept: number | null;
}

/** A pending filename prompt (export or save); `confirmOverwrite` is set once the file exists. */
export interface FilePrompt {
  kind: 'csv' | 'json' | 'scenario';
  text: string;
  confirmOverwrite?: boolean;
  source?: ExportSource;
}

export interface Session {
  engine: ModuleLoader;
  cwd: string;
  /** Today's UTC date (YYYY-MM-DD, PROSPECTOR_TODAY or the clock): the default launch window starts there. */
  today: string;
  target: Asteroid | null;
  /** Selects the target; returns a note when that reset a picked mission window. */
  setTarget(a: Asteroid): string | null;
  scenario: ScenarioState;
  /** Sets a field of the scenario document (path like ['spacecraft', 'power']) and re-plans. */
  setField(path: string[], value: unknown): void;
  windowPick: WindowPick | null;
  /** Sets `window.*` fields from a porkchop pick and re-plans. */
  pickWindow(values: Record<string, unknown>, pick: Omit<WindowPick, 'fields'>): void;
  /** Restores the window fields a pick changed; returns what they are back to, or null if none was picked. */
  resetWindow(): string | null;
  plan: PlanState;
  /** Plans now with the full sample count (edits use LIVE_SAMPLES). */
  replan(): void;
  cancel(): void;
  kept: KeptPlan[];
  keep(): void;
  dropKept(i: number): void;
  /** Column selected in Compare (0 = current plan when there is one). */
  compareSel: number;
  setCompareSel(i: number | ((p: number) => number)): void;
  exportPlan(format: 'csv' | 'json', kept?: number | null): void;
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
  /** Display name for a designation ("Bennu" for 1999 RQ36) when the catalog knows it. */
  nameOf(designation: string): string;
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

/**
 * The default launch window of a scenario that gives none, as plan() resolves it: from the later of
 * 2025-01-01 and today to 2045-12-31 (NHATS_DEFAULTS / defaultLaunchWindow in
 * src/trajectory/round-trip.ts; the engine loads lazily, so the dates are repeated here and a test
 * keeps them equal). Past 2045-12-31 the plan reports that the default window is over.
 */
export function defaultWindow(today: string): { from: string; to: string; basis: 'default' } {
  const from = today > '2025-01-01' ? today : '2025-01-01';
  return { from: from > '2045-12-31' ? '2045-12-31' : from, to: '2045-12-31', basis: 'default' };
}

/** Launch window of a scenario document ("FROM..TO" or {from, to}), or the default window from `today`. */
export function windowOf(doc: unknown, today: string): { from: string; to: string; basis: 'scenario' | 'default' } {
  const w = getPath(doc, ['window', 'launch']);
  if (typeof w === 'string' && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(w)) {
    const [from, to] = w.split('..');
    return { from, to, basis: 'scenario' };
  }
  if (w && typeof w === 'object' && !(w instanceof Date) && typeof (w as { from?: unknown }).from === 'string' && typeof (w as { to?: unknown }).to === 'string') {
    return { from: (w as { from: string }).from, to: (w as { to: string }).to, basis: 'scenario' };
  }
  return defaultWindow(today);
}

interface Opts {
  engine: ModuleLoader;
  cwd: string;
  /** Today's UTC date (YYYY-MM-DD): starts the default launch window, dates saved files. */
  today: string;
  /** The environment samples and seed are resolved from (the command's, as `plan` resolves them). */
  env: NodeJS.ProcessEnv;
  /** The session's catalog: plans use the same file as the target table. */
  catalogInfo: TuiCatalog;
  scenarioPath?: string;
  setStatus: (text: string, tone?: Tone) => void;
  /** Clears an error or warning still on the status line (a later success supersedes it). */
  clearError: () => void;
  catalog: CatalogState;
}

export function useSession({ engine, cwd, today, env, catalogInfo, scenarioPath, setStatus, clearError, catalog }: Opts): Session {
  // What every plan of the session is resolved with, as `prospector plan` would: the command's
  // environment (samples, seed) and the session's catalog file (undefined: the bundled one, or
  // the scenario's own target.catalog — the same file the command layer opened).
  const catalogPath = catalogInfo.path;
  const [target, setTargetState] = useState<Asteroid | null>(null);
  const [scenario, setScenario, scenarioRef] = useStateRef<ScenarioState>({ status: 'loading' });
  const [plan, setPlan, planRef] = useStateRef<PlanState>({ status: 'idle' });
  const [kept, setKept, keptRef] = useStateRef<KeptPlan[]>([]);
  const [compareSel, setCompareSel] = useStateRef(0);
  const [windowPick, setWindowPick, windowPickRef] = useStateRef<WindowPick | null>(null);
  const [prompt, setPrompt, promptRef] = useStateRef<FilePrompt | null>(null);
  const [busyText, setBusyText] = useState<string | undefined>(undefined);
  const [exportProgress, setExportProgress] = useState<{ label: string; p: PlanProgress | null } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const exportAbortRef = useRef<AbortController | null>(null);
  const debounceRef = useRef<NodeJS.Timeout | undefined>(undefined);
  const cache = useMemo(() => new Map<string, unknown>(), []);
  const genRef = useRef(0);

  // The scenario: the file given on the command line, else the bundled example.
  useEffect(() => {
    let live = true;
    void (async () => {
      const { readScenarioFile, defaultScenarioPath } = await import('./scenario-doc.js');
      const path = scenarioPath ? resolve(cwd, scenarioPath) : defaultScenarioPath();
      if (!path) {
        if (live) setScenario({ status: 'none', reason: 'no scenario given and no bundled example scenario in this build' });
        return;
      }
      try {
        const { doc, text } = await readScenarioFile(path);
        if (live) setScenario({ status: 'ready', doc, original: doc, text, path, name: String(doc.name ?? path.split('/').pop()) });
      } catch (err) {
        if (live) setScenario({ status: 'none', reason: (err as Error).message });
        if (live && scenarioPath) setStatus((err as Error).message, 'error');
      }
    })();
    return () => {
      live = false;
    };
  }, [cwd, scenarioPath, setStatus, setScenario]);

  // Once the catalog is loaded, the scenario's target becomes the selected asteroid.
  const missingTargetSaid = useRef<string | null>(null);
  useEffect(() => {
    if (target || catalog.status !== 'ready' || scenario.status !== 'ready') return;
    const des = getPath(scenario.doc, ['target', 'designation']);
    if (des === undefined || typeof catalog.api.findAsteroid !== 'function') return;
    try {
      setTargetState(catalog.api.findAsteroid(catalog.asteroids, String(des)));
    } catch {
      // Not in the session's catalog: no selection. With a catalog file (the bundled example's
      // target under PROSPECTOR_CATALOG or --catalog naming another file), say why plans fail.
      if (catalogInfo.source !== 'default' && missingTargetSaid.current !== String(des)) {
        missingTargetSaid.current = String(des);
        setStatus(`The scenario's target ${String(des)} is not in the catalog ${catalogInfo.label}: pick one in Targets (1).`, 'warn');
      }
    }
  }, [catalog, catalogInfo, scenario, setStatus, target]);

  const nameOf = useCallback(
    (designation: string): string => {
      if (target && target.designation === designation) return shortLabel(target);
      if (catalog.status === 'ready' && typeof catalog.api.findAsteroid === 'function') {
        try {
          return shortLabel(catalog.api.findAsteroid(catalog.asteroids, designation));
        } catch {
          /* not in the catalog: the designation as written */
        }
      }
      return designation;
    },
    [catalog, target],
  );

  const cancelLive = useCallback(() => {
    clearTimeout(debounceRef.current);
    if (abortRef.current) {
      abortRef.current.abort();
      abortRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    cancelLive();
    if (exportAbortRef.current) {
      exportAbortRef.current.abort();
      exportAbortRef.current = null;
    }
  }, [cancelLive]);

  const loadScenarioApi = useCallback(async () => requireExports<ScenarioApi>(await engine('scenario'), 'scenario', ['parseScenario', 'plan']), [engine]);

  const runPlan = useCallback(
    async (doc: ScenarioDoc, source: string, full = false) => {
      cancelLive();
      const gen = ++genRef.current;
      const api = await loadScenarioApi();
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
          cwd,
          today,
          env,
          catalog: catalogPath,
          onProgress: (pr) => {
            // At most ~10 progress redraws a second (the worker already throttles; the in-process path does not).
            const now = Date.now();
            if (pr.done < pr.total && now - lastProgress < 100) return;
            lastProgress = now;
            if (gen === genRef.current) setPlan((p) => (p.status === 'running' ? { ...p, progress: pr } : p));
          },
        });
        if (gen !== genRef.current) return;
        setPlan({ status: 'done', plan: result.plan, ms: Date.now() - t0, samples: result.samples, fullSamples: result.fullSamples, doc });
        clearError();
      } catch (err) {
        if (gen !== genRef.current) return;
        const e = err as Error & { code?: string };
        const aborted = e.code === 'CANCELLED' || controller.signal.aborted;
        setPlan((p) => {
          const previous = p.status === 'running' ? p.previous : undefined;
          return aborted ? { status: 'cancelled', previous } : { status: 'error', message: e.message, previous };
        });
        if (aborted) setStatus('Plan cancelled; the numbers shown are from the last finished plan.', 'warn');
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
      }
    },
    [cancelLive, clearError, cwd, today, env, catalogPath, loadScenarioApi, setPlan, setStatus],
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

  /** Applies a new document and re-plans it. */
  const commit = useCallback(
    (doc: ScenarioDoc) => {
      const s = scenarioRef.current;
      if (s.status !== 'ready') return;
      setScenario({ ...s, doc });
      scheduleRun(doc, s.path ?? 'scenario');
    },
    [scenarioRef, scheduleRun, setScenario],
  );

  /** The document with the window fields of a pick restored to the file's values. */
  const restoreWindow = (doc: ScenarioDoc, original: ScenarioDoc, fields: string[]): ScenarioDoc => {
    let out = doc;
    for (const f of fields) out = setPath(out, ['window', f], getPath(original, ['window', f]));
    return out;
  };

  const setTarget = useCallback(
    (a: Asteroid): string | null => {
      setTargetState(a);
      const s = scenarioRef.current;
      if (s.status !== 'ready') return null;
      let doc = setPath(s.doc, ['target', 'designation'], a.designation);
      // A window picked on the previous target's porkchop means nothing for this one.
      const pick = windowPickRef.current;
      if (pick) {
        doc = restoreWindow(doc, s.original, pick.fields);
        setWindowPick(null);
      }
      commit(doc);
      if (!pick) return null;
      const w = windowOf(s.original, today);
      return `mission window back to the scenario's ${w.from}..${w.to}`;
    },
    [commit, scenarioRef, setWindowPick, windowPickRef, today],
  );

  const setField = useCallback(
    (path: string[], value: unknown) => {
      const s = scenarioRef.current;
      if (s.status !== 'ready') return;
      commit(setPath(s.doc, path, value));
    },
    [commit, scenarioRef],
  );

  const pickWindow = useCallback(
    (values: Record<string, unknown>, pick: Omit<WindowPick, 'fields'>) => {
      const s = scenarioRef.current;
      if (s.status !== 'ready') return;
      let doc = s.doc;
      for (const [k, v] of Object.entries(values)) doc = setPath(doc, ['window', k], v);
      const fields = [...new Set([...(windowPickRef.current?.fields ?? []), ...Object.keys(values)])];
      setWindowPick({ ...pick, fields });
      commit(doc);
    },
    [commit, scenarioRef, setWindowPick, windowPickRef],
  );

  const resetWindow = useCallback((): string | null => {
    const s = scenarioRef.current;
    const pick = windowPickRef.current;
    if (s.status !== 'ready' || !pick) return null;
    setWindowPick(null);
    commit(restoreWindow(s.doc, s.original, pick.fields));
    const w = windowOf(s.original, today);
    return `${w.from}..${w.to}`;
  }, [commit, scenarioRef, setWindowPick, windowPickRef, today]);

  const replan = useCallback(() => {
    const s = scenarioRef.current;
    if (s.status === 'ready') void runPlan(s.doc, s.path ?? 'scenario', true);
  }, [runPlan, scenarioRef]);

  const keep = useCallback(() => {
    const p = planRef.current;
    const s = scenarioRef.current;
    if (p.status !== 'done' || s.status !== 'ready') {
      setStatus('Nothing to keep yet: the plan is not finished (Mission view, 3).', 'warn');
      return;
    }
    const changes = describeChanges(s.original, p.doc, nameOf);
    const n = keptRef.current.length + 1;
    const label = `#${n} ${changes.length > 0 ? changes.join(', ') : 'as in the file'}`;
    setKept((k) => [...k, { label, changes, plan: p.plan, doc: p.doc, samples: p.samples, fullSamples: p.fullSamples }]);
    setStatus(`Kept plan ${label} (${n} kept; Compare view, 5).`, 'ok');
  }, [keptRef, nameOf, planRef, scenarioRef, setKept, setStatus]);

  const dropKept = useCallback((i: number) => setKept((k) => k.filter((_, j) => j !== i)), [setKept]);

  const baseName = useMemo(() => {
    const des = target ? shortLabel(target) : scenario.status === 'ready' ? String(getPath(scenario.doc, ['target', 'designation']) ?? 'plan') : 'plan';
    return des.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'plan';
  }, [scenario, target]);

  const exportPlan = useCallback(
    (format: 'csv' | 'json', keptIndex: number | null = null) => {
      let source: ExportSource;
      if (keptIndex !== null && keptRef.current[keptIndex]) {
        const k = keptRef.current[keptIndex];
        source = { label: `kept plan ${k.label}`, plan: k.plan, doc: k.doc, samples: k.samples, fullSamples: k.fullSamples, kept: keptIndex };
      } else {
        const p = planRef.current;
        if (p.status !== 'done') {
          setStatus('Nothing to export yet: the plan is not finished (Mission view, 3).', 'warn');
          return;
        }
        source = { label: 'the current plan', plan: p.plan, doc: p.doc, samples: p.samples, fullSamples: p.fullSamples, kept: null };
      }
      const suffix = keptIndex !== null ? `-kept${keptIndex + 1}` : '';
      clearError();
      setPrompt({ kind: format, text: `${baseName}${suffix}-yield.${format}`, source });
    },
    [baseName, clearError, keptRef, planRef, setPrompt, setStatus],
  );

  const saveScenario = useCallback(() => {
    if (scenarioRef.current.status !== 'ready') {
      setStatus('No scenario to save.', 'warn');
      return;
    }
    clearError();
    setPrompt({ kind: 'scenario', text: `${baseName}-scenario.yaml` });
  }, [baseName, clearError, scenarioRef, setPrompt, setStatus]);

  /**
   * The plan an export writes: the source's own when it has the full sample count, otherwise
   * planned again with it (as `prospector export` would), with progress; null when cancelled.
   */
  const fullPlanFor = useCallback(
    async (src: ExportSource): Promise<{ plan: any; samples: number } | null> => {
      if (src.samples >= src.fullSamples) return { plan: src.plan, samples: src.samples };
      const api = await loadScenarioApi();
      if (!api.ok) throw new Error(`Export is not available: ${api.reason}`);
      const controller = new AbortController();
      exportAbortRef.current = controller;
      setExportProgress({ label: src.label, p: null });
      const s = scenarioRef.current;
      try {
        let last = 0;
        const r = await runPlanOffThread(api.value, src.doc, s.status === 'ready' ? (s.path ?? 'scenario') : 'scenario', {
          samples: null,
          signal: controller.signal,
          cwd,
          today,
          env,
          catalog: catalogPath,
          role: 'export',
          onProgress: (p) => {
            const now = Date.now();
            if (p.done < p.total && now - last < 100) return;
            last = now;
            setExportProgress({ label: src.label, p });
          },
        });
        // The full-sample plan replaces the live one it was made from (same document).
        if (src.kept === null) setPlan((p) => (p.status === 'done' && p.doc === src.doc ? { ...p, plan: r.plan, samples: r.samples } : p));
        else setKept((k) => k.map((x) => (x.doc === src.doc ? { ...x, plan: r.plan, samples: r.samples } : x)));
        return { plan: r.plan, samples: r.samples };
      } catch (err) {
        const e = err as Error & { code?: string };
        if (e.code === 'CANCELLED' || controller.signal.aborted) return null;
        throw err;
      } finally {
        if (exportAbortRef.current === controller) exportAbortRef.current = null;
        setExportProgress(null);
      }
    },
    [cwd, today, env, catalogPath, loadScenarioApi, scenarioRef, setKept, setPlan],
  );

  const submitPrompt = useCallback(async () => {
    const prompt = promptRef.current;
    if (!prompt) return;
    const name = prompt.text.trim();
    if (!name) {
      setStatus('Give a file name (Esc cancels).', 'warn');
      return;
    }
    const file = resolve(cwd, name);
    const force = prompt.confirmOverwrite === true;
    if (!force && existsSync(file)) {
      // The prompt itself now says "exists — Enter overwrites".
      setPrompt({ ...prompt, confirmOverwrite: true });
      return;
    }
    setPrompt(null);
    try {
      const { writePlanExport, writeScenarioDoc } = await import('./scenario-doc.js');
      if (prompt.kind === 'scenario') {
        const s = scenarioRef.current;
        if (s.status !== 'ready') throw new Error('no scenario to save');
        const changes = describeChanges(s.original, s.doc, nameOf);
        await writeScenarioDoc(file, s.doc, force, { original: s.original, text: s.text, from: s.path, nameOf, today });
        setStatus(`Saved the scenario to ${file}${changes.length > 0 ? ` (${changes.length} change${changes.length > 1 ? 's' : ''} from the file, noted in its description)` : ''}`, 'ok');
      } else {
        const src = prompt.source;
        if (!src) throw new Error('nothing to export');
        const full = await fullPlanFor(src);
        if (!full) {
          setStatus('Export cancelled: nothing written.', 'warn');
          return;
        }
        const what = await writePlanExport(engine, full.plan, prompt.kind, file, force);
        setStatus(`Exported ${what} of ${src.label}, ${full.samples} samples (as \`prospector export\`), to ${file}`, 'ok');
      }
    } catch (err) {
      setStatus((err as Error).message, 'error');
    }
  }, [cwd, engine, fullPlanFor, nameOf, promptRef, scenarioRef, setPrompt, setStatus, today]);

  const running = plan.status === 'running';
  const progressText =
    plan.status === 'running'
      ? `planning ${plan.progress ? `${plan.progress.done}/${plan.progress.total} samples` : '…'} (Esc cancels)`
      : undefined;
  const exportText = exportProgress
    ? `exporting ${exportProgress.label}: planning ${exportProgress.p ? `${exportProgress.p.done}/${exportProgress.p.total}` : '…'} samples (Esc cancels)`
    : undefined;
  return {
    engine,
    cwd,
    today,
    target,
    setTarget,
    scenario,
    setField,
    windowPick,
    pickWindow,
    resetWindow,
    plan,
    replan,
    cancel,
    kept,
    keep,
    dropKept,
    compareSel,
    setCompareSel,
    exportPlan,
    saveScenario,
    prompt,
    promptRef,
    setPrompt,
    submitPrompt,
    busy: running || busyText !== undefined || exportProgress !== null,
    busyText: busyText ?? exportText ?? progressText,
    cache,
    setBusyText,
    nameOf,
  };
}
