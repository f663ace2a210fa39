// The application shell: view tabs, the active screen, the status and key lines (wrapped to the
// width, never cut), the help and warnings overlays, and the global keys (views, help, keep,
// export, save, cancel, quit). Everything the screens share lives here.
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { KeyLine, Pager, StatusLine, Tabs, VIEWS, helpLines, keyLines, scrollKey, spinnerFrame, statusLines, truncate, type PagerLine, type StatusMessage, type Tone, type ViewId } from './components.js';
import { PersistContext, ThemeContext, useKeys, useRawInput, useStateRef, useTerminalSize, ViewKeysContext, type KeyHandler, type TermSize } from './hooks.js';
import type { ModuleLoader } from './engine.js';
import { requireExports } from './engine.js';
import type { Asteroid, CatalogApi, TuiCatalog } from './types.js';
import { shortLabel } from './types.js';
import { TargetsView, TARGETS_HELP, TARGETS_KEYS, warningsFor, type CatalogState } from './views/targets.js';
import { TrajectoryView, TRAJECTORY_HELP, TRAJECTORY_KEYS } from './views/trajectory.js';
import { MissionView, MISSION_HELP, MISSION_KEYS } from './views/mission.js';
import { SupplyView, SUPPLY_HELP, SUPPLY_KEYS } from './views/supply.js';
import { CompareView, COMPARE_HELP, COMPARE_KEYS, compareSelection } from './views/compare.js';
import { useSession, type Session } from './session.js';
import { editLine } from './line-edit.js';
import { wrapText } from './text.js';

export interface AppProps {
  engine: ModuleLoader;
  cwd: string;
  /** Colour is on: coloured heatmap cells and tones; off: characters by level, markers, bold/inverse only. */
  color: boolean;
  scenarioPath?: string;
  /** Pins the terminal size (tests); otherwise stdout's columns/rows with resize. */
  size?: Partial<TermSize>;
  /**
   * Today's UTC date, YYYY-MM-DD, as the command layer decided it (todayIso: PROSPECTOR_TODAY, else
   * the run's start): the default launch window starts there, saved files are dated with it.
   */
  today: string;
  /** The session's catalog, resolved and opened by the command layer (cli/tui/catalog.ts). */
  catalog: TuiCatalog;
  /**
   * The environment the planning settings are resolved from (samples and seed: PROSPECTOR_SAMPLES,
   * PROSPECTOR_SEED, the user config's location): the command's, never read here from process.env.
   */
  env: NodeJS.ProcessEnv;
  onExit: (code: number) => void;
}

export const HELP: Record<ViewId, { keys: string; help: Array<[string, string]> }> = {
  targets: { keys: TARGETS_KEYS, help: TARGETS_HELP },
  trajectory: { keys: TRAJECTORY_KEYS, help: TRAJECTORY_HELP },
  mission: { keys: MISSION_KEYS, help: MISSION_HELP },
  supply: { keys: SUPPLY_KEYS, help: SUPPLY_HELP },
  compare: { keys: COMPARE_KEYS, help: COMPARE_HELP },
};

const PROMPT_LABEL = { csv: 'Export the yield forecast (CSV)', json: 'Export the yield forecast (JSON)', scenario: 'Save the scenario' } as const;
/** Status messages kept for the ! overlay. */
const LOG_SIZE = 40;

type Overlay = { kind: 'help' | 'warnings'; offset: number } | null;

export function App({ engine, cwd, color, scenarioPath, size: fixedSize, today: todayProp, catalog: catalogInfo, env, onExit }: AppProps) {
  const size = useTerminalSize(fixedSize);
  // Fixed for the session (the first value): the default launch window must not move under the user.
  const [today] = useState(todayProp);
  const raw = useRawInput();
  const store = useMemo(() => new Map<string, unknown>(), []);
  const theme = useMemo(() => ({ color }), [color]);
  const [view, setView, viewRef] = useStateRef<ViewId>('targets');
  const [overlay, setOverlay, overlayRef] = useStateRef<Overlay>(null);
  // A screen editing text (search, a field) takes every key but Ctrl+C.
  const [, setCapture, captureRef] = useStateRef(false);
  const [status, setStatusState] = useState<StatusMessage | null>(null);
  const logRef = useRef<StatusMessage[]>([]);
  const setStatus = useCallback((text: string, tone: Tone = 'info') => {
    setStatusState({ text, tone });
    logRef.current = [{ text, tone }, ...logRef.current].slice(0, LOG_SIZE);
  }, []);
  // A later success supersedes an error or a warning still on the status line.
  const clearError = useCallback(() => setStatusState((s) => (s && (s.tone === 'error' || s.tone === 'warn') ? null : s)), []);
  // A message about something no longer in view (a row the cursor left) goes; any other stays.
  const clearStatus = useCallback((text: string) => setStatusState((s) => (s && s.text === text ? null : s)), []);
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading' });
  const session: Session = useSession({ engine, cwd, today, env, catalogInfo, scenarioPath, setStatus, clearError, catalog });
  // The file-name prompt (export, save) is read through a ref: keys may arrive before a render.
  const promptRef = session.promptRef;
  const setPrompt = session.setPrompt;
  const [tick, setTick] = useState(0);
  const viewKeys = useRef<KeyHandler | null>(null);

  // The catalog was opened by the command layer; its entries are built after the first frame is
  // on screen (≈0.5 s for the bundled catalog), so the shell appears at once.
  useEffect(() => {
    let live = true;
    const t = setTimeout(async () => {
      const api = requireExports<CatalogApi>(await engine('catalog'), 'catalog', []);
      if (!live) return;
      if (!api.ok) {
        setCatalog({ status: 'unavailable', reason: api.reason });
        return;
      }
      try {
        const asteroids = catalogInfo.asteroids();
        if (!live) return;
        setCatalog({ status: 'ready', asteroids, api: api.value });
        if (catalogInfo.diagnostics) setStatus(`Catalog ${catalogInfo.name}: ${catalogInfo.diagnostics} (! lists the messages)`, 'warn');
      } catch (err) {
        if (live) setCatalog({ status: 'error', message: (err as Error).message });
      }
    }, 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [engine, catalogInfo, setStatus]);

  // One spinner clock for the whole app, only while something runs (8 Hz keeps redraws calm).
  const busy = session.busy;
  useEffect(() => {
    if (!busy) return;
    const id = setInterval(() => setTick((n) => n + 1), 125);
    return () => clearInterval(id);
  }, [busy]);

  const pick = useCallback(
    (a: Asteroid) => {
      const reset = session.setTarget(a);
      viewKeys.current = null;
      setStatus(`Target: ${shortLabel(a)}${reset ? `; ${reset}` : ''}. Mission (3) plans it.`, 'ok');
      setView('trajectory');
    },
    [session, setStatus, setView],
  );

  // One column short of the terminal: a line that fills the last column leaves the cursor in the
  // terminal's pending-wrap state, which misplaces what follows (the shell prompt after exit).
  const width = Math.max(20, size.columns - 1);
  // Strictly below the terminal height: a frame as tall as the screen makes ink clear it (flicker).
  const total = Math.max(6, size.rows - 1);
  const keys = keyLines(HELP[view].keys, width);
  const busyText = session.busyText ? `${spinnerFrame(tick)} ${session.busyText}` : undefined;
  const prompt = session.prompt;
  // With a file prompt open, a warning about it (empty name, …) shows under it.
  const promptStatus = prompt && status && (status.tone === 'warn' || status.tone === 'error') ? statusLines(status, undefined, width, color, 1) : [];
  const bottom = prompt ? [...promptLines(prompt, width), ...promptStatus] : statusLines(status, busyText, width, color);
  const bodyHeight = Math.max(3, total - 1 - bottom.length - keys.length);

  const warningLines = (): PagerLine[] => overlayWarnings(session, catalog, catalogInfo, store, logRef.current, width);
  const overlayLines = (o: NonNullable<Overlay>): PagerLine[] =>
    o.kind === 'help' ? helpLines(VIEWS.find((v) => v.id === viewRef.current)!.title, HELP[viewRef.current].help, width) : warningLines();

  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        session.cancel();
        onExit(130);
        return;
      }
      const ov = overlayRef.current;
      if (ov) {
        const lines = overlayLines(ov);
        const next = scrollKey(key, input, ov.offset, lines.length, Math.max(1, bodyHeight - 2));
        if (next !== null) setOverlay({ ...ov, offset: next });
        else setOverlay(null);
        return;
      }
      const pr = promptRef.current;
      if (pr) {
        const r = editLine({ text: pr.text, cursor: pr.text.length }, input, key);
        if (r.kind === 'cancel') {
          setPrompt(null);
          setStatus('Not written.', 'info');
        } else if (r.kind === 'submit') void session.submitPrompt();
        else if (r.kind === 'edit') setPrompt({ ...pr, text: r.line.text, confirmOverwrite: false });
        return;
      }
      if (captureRef.current) {
        viewKeys.current?.(input, key);
        return;
      }
      const idx = VIEWS.findIndex((v) => v.key === input);
      if (idx >= 0) {
        if (VIEWS[idx].id !== viewRef.current) viewKeys.current = null;
        setView(VIEWS[idx].id);
      } else if (key.tab) {
        const cur = VIEWS.findIndex((v) => v.id === viewRef.current);
        const next = (cur + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length;
        viewKeys.current = null;
        setView(VIEWS[next].id);
      } else if (input === '?') setOverlay({ kind: 'help', offset: 0 });
      else if (input === '!') setOverlay({ kind: 'warnings', offset: 0 });
      else if (input === 'q') {
        session.cancel();
        onExit(0);
      } else if (input === 'k') session.keep();
      else if (input === 'e' || input === 'E') session.exportPlan(input === 'e' ? 'csv' : 'json', viewRef.current === 'compare' ? compareSelection(session) : null);
      else if (input === 'w') void session.saveScenario();
      else if (key.escape && session.busy && session.plan.status === 'running') session.cancel();
      else if (key.escape && session.busyText?.startsWith('exporting')) session.cancel();
      else viewKeys.current?.(input, key);
    },
    raw,
  );

  const targetText = session.target ? `target ${shortLabel(session.target)}` : 'no target';
  let body: React.ReactNode = null;
  if (overlay) {
    const title = overlay.kind === 'help' ? `Keys — everywhere, in ${VIEWS.find((v) => v.id === view)!.title}, and in text boxes` : 'Warnings and messages';
    body = <Pager title={title} lines={overlayLines(overlay)} width={width} height={bodyHeight} offset={overlay.offset} hint="any other key closes" />;
  }
  const common = { width, height: bodyHeight, setCapture, setStatus };
  return (
    <ThemeContext.Provider value={theme}>
      <PersistContext.Provider value={store}>
        <ViewKeysContext.Provider value={viewKeys}>
          <Box flexDirection="column" width={width} height={total} overflow="hidden">
            <Tabs active={view} width={width} right={targetText} />
            <Box height={bodyHeight} width={width} overflow="hidden" flexDirection="column">
              {body}
              <Box display={overlay ? 'none' : 'flex'} flexDirection="column">
                {view === 'targets' ? <TargetsView {...common} clearStatus={clearStatus} state={catalog} catalogName={catalogInfo.name} today={today} selected={session.target} onPick={pick} /> : null}
                {view === 'trajectory' ? <TrajectoryView {...common} session={session} color={color} /> : null}
                {view === 'mission' ? <MissionView {...common} session={session} /> : null}
                {view === 'supply' ? <SupplyView {...common} session={session} /> : null}
                {view === 'compare' ? <CompareView {...common} session={session} /> : null}
              </Box>
            </Box>
            {prompt ? (
              <Box flexDirection="column" width={width} height={bottom.length} overflow="hidden">
                {bottom.map((l, i) => (
                  <Text key={i} color={color ? (i < bottom.length - promptStatus.length ? 'cyan' : 'yellow') : undefined} bold={!color && i < bottom.length - promptStatus.length} wrap="truncate">
                    {l}
                  </Text>
                ))}
              </Box>
            ) : (
              <StatusLine lines={bottom} tone={status?.tone} width={width} />
            )}
            <KeyLine lines={keys} width={width} />
          </Box>
        </ViewKeysContext.Provider>
      </PersistContext.Provider>
    </ThemeContext.Provider>
  );
}

/** The file prompt: what is written (and whether it is planned again first), then the name and the keys. */
function promptLines(p: NonNullable<Session['prompt']>, width: number): string[] {
  const src = p.source;
  const what = src ? ` of ${src.label}${src.samples < src.fullSamples ? ` (planned again at ${src.fullSamples} samples first, as \`prospector export\`)` : ` (${src.samples} samples)`}` : '';
  const keys = p.confirmOverwrite ? 'exists — Enter overwrites, Esc cancels' : 'Enter writes, Esc cancels';
  const cap = (lines: string[], n: number) => (lines.length <= n ? lines : [...lines.slice(0, n - 1), truncate(lines.slice(n - 1).join(' '), width)]);
  return [...cap(wrapText(`${PROMPT_LABEL[p.kind]}${what} to:`, width, '  '), 2), ...cap(wrapText(`  ${p.text}▏  ${keys}`, width, '    '), 2)];
}

/** The ! overlay: the plan's warnings, the target's (catalog, porkchop), the catalog in use, then the message log. */
function overlayWarnings(session: Session, catalog: CatalogState, info: TuiCatalog, store: Map<string, unknown>, log: StatusMessage[], width: number): PagerLine[] {
  const out: PagerLine[] = [];
  const push = (text: string, extra: Omit<PagerLine, 'text'> = {}) => out.push(...wrapText(text, width, '  ').map((t) => ({ text: t, ...extra })));
  const st = session.plan;
  const plan = st.status === 'done' ? st.plan : 'previous' in st ? st.previous : null;
  const planWarnings: string[] = plan && typeof plan === 'object' && Array.isArray((plan as { warnings?: unknown }).warnings) ? (plan as { warnings: string[] }).warnings : [];
  push(`Plan${st.status === 'done' ? '' : ' (last finished)'}: ${planWarnings.length} warning${planWarnings.length === 1 ? '' : 's'}`, { bold: true });
  if (st.status === 'error') push(`✗ ${st.message}`, { color: 'red' });
  for (const w of planWarnings) push(`! ${w}`, { color: 'yellow' });
  const t = session.target;
  if (t && catalog.status === 'ready') {
    const tw = warningsFor(t, catalog.api, session.today);
    const porkchop = ((store.get('traj.warnings') as string[] | undefined) ?? []).filter((w) => !tw.includes(w) && !planWarnings.includes(w));
    out.push({ text: '' });
    push(`Target ${shortLabel(t)}: ${tw.length + porkchop.length} warning${tw.length + porkchop.length === 1 ? '' : 's'}`, { bold: true });
    for (const w of [...tw, ...porkchop]) push(`! ${w}`, { color: 'yellow' });
  }
  out.push({ text: '' });
  push(`Catalog: ${info.source === 'default' ? 'bundled' : info.label} (${info.count.toLocaleString('en-US')} objects)`, { bold: true });
  if (info.diagnostics) push(`! ${info.diagnostics}`, { color: 'yellow' });
  out.push({ text: '' });
  push(`Messages (latest first, ${log.length})`, { bold: true });
  for (const m of log) push(`${m.tone === 'error' ? '✗' : m.tone === 'warn' ? '!' : '·'} ${m.text}`, { color: m.tone === 'error' ? 'red' : m.tone === 'warn' ? 'yellow' : undefined, dim: m.tone === 'info' });
  return out;
}
