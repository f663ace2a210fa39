// The application shell: view tabs, the active screen, a status line and the key line; global
// keys (views, help, keep, export, save, quit). Everything the screens share lives here.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { HelpOverlay, KeyLine, StatusLine, Tabs, VIEWS, spinnerFrame, type StatusMessage, type Tone, type ViewId } from './components.js';
import { useKeys, useRawInput, useStateRef, useTerminalSize, ViewKeysContext, type KeyHandler, type TermSize } from './hooks.js';
import type { ModuleLoader } from './engine.js';
import { requireExports } from './engine.js';
import type { Asteroid, CatalogApi } from './types.js';
import { shortLabel } from './types.js';
import { TargetsView, TARGETS_HELP, TARGETS_KEYS, type CatalogState } from './views/targets.js';
import { TrajectoryView, TRAJECTORY_HELP, TRAJECTORY_KEYS } from './views/trajectory.js';
import { MissionView, MISSION_HELP, MISSION_KEYS } from './views/mission.js';
import { SupplyView, SUPPLY_HELP, SUPPLY_KEYS } from './views/supply.js';
import { CompareView, COMPARE_HELP, COMPARE_KEYS } from './views/compare.js';
import { useSession, type Session } from './session.js';
import { editLine } from './line-edit.js';

export interface AppProps {
  engine: ModuleLoader;
  cwd: string;
  /** Colour is on (chalk level > 0): the heatmap uses coloured cells, else characters by level. */
  color: boolean;
  scenarioPath?: string;
  /** Pins the terminal size (tests); otherwise stdout's columns/rows with resize. */
  size?: Partial<TermSize>;
  onExit: (code: number) => void;
}

const HELP: Record<ViewId, { keys: string; help: Array<[string, string]> }> = {
  targets: { keys: TARGETS_KEYS, help: TARGETS_HELP },
  trajectory: { keys: TRAJECTORY_KEYS, help: TRAJECTORY_HELP },
  mission: { keys: MISSION_KEYS, help: MISSION_HELP },
  supply: { keys: SUPPLY_KEYS, help: SUPPLY_HELP },
  compare: { keys: COMPARE_KEYS, help: COMPARE_HELP },
};

const PROMPT_LABEL = { csv: 'Export yield forecast CSV to', json: 'Export yield forecast JSON to', scenario: 'Save scenario to' } as const;

export function App({ engine, cwd, color, scenarioPath, size: fixedSize, onExit }: AppProps) {
  const size = useTerminalSize(fixedSize);
  const raw = useRawInput();
  const [view, setView, viewRef] = useStateRef<ViewId>('targets');
  const [help, setHelp, helpRef] = useStateRef(false);
  // A screen editing text (search, a field) takes every key but Ctrl+C.
  const [, setCapture, captureRef] = useStateRef(false);
  const [status, setStatusState] = useState<StatusMessage | null>(null);
  const setStatus = useCallback((text: string, tone: Tone = 'info') => setStatusState({ text, tone }), []);
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading' });
  const session: Session = useSession({ engine, cwd, scenarioPath, setStatus, catalog });
  // The file-name prompt (export, save) is read through a ref: keys may arrive before a render.
  const promptRef = session.promptRef;
  const setPrompt = session.setPrompt;
  const [tick, setTick] = useState(0);
  const viewKeys = useRef<KeyHandler | null>(null);

  // The catalog loads after the first frame is on screen, so the shell appears at once.
  useEffect(() => {
    let live = true;
    const t = setTimeout(async () => {
      const api = requireExports<CatalogApi>(await engine('catalog'), 'catalog', ['loadCatalog']);
      if (!live) return;
      if (!api.ok) {
        setCatalog({ status: 'unavailable', reason: api.reason });
        return;
      }
      try {
        const asteroids = await api.value.loadCatalog();
        if (live) setCatalog({ status: 'ready', asteroids, api: api.value });
      } catch (err) {
        if (live) setCatalog({ status: 'error', message: (err as Error).message });
      }
    }, 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [engine]);

  // One spinner clock for the whole app, only while something runs (8 Hz keeps redraws calm).
  const busy = session.busy;
  useEffect(() => {
    if (!busy) return;
    const id = setInterval(() => setTick((n) => n + 1), 125);
    return () => clearInterval(id);
  }, [busy]);

  const pick = useCallback(
    (a: Asteroid) => {
      session.setTarget(a);
      viewKeys.current = null;
      setStatus(`Target: ${shortLabel(a)}. Mission (3) plans it.`, 'ok');
      setView('trajectory');
    },
    [session, setStatus],
  );

  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        session.cancel();
        onExit(130);
        return;
      }
      if (helpRef.current) {
        setHelp(false);
        return;
      }
      const pr = promptRef.current;
      if (pr) {
        const r = editLine({ text: pr.text, cursor: pr.text.length }, input, key);
        if (r.kind === 'cancel') {
          setPrompt(null);
          setStatus('Not written.', 'info');
        } else if (r.kind === 'submit') void session.submitPrompt();
        else if (r.kind === 'edit') setPrompt({ kind: pr.kind, text: r.line.text });
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
      }
      else if (key.tab) {
        const cur = VIEWS.findIndex((v) => v.id === viewRef.current);
        const next = (cur + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length;
        viewKeys.current = null;
        setView(VIEWS[next].id);
      } else if (input === '?') setHelp(true);
      else if (input === 'q') {
        session.cancel();
        onExit(0);
      } else if (input === 'k') session.keep();
      else if (input === 'e') void session.exportPlan('csv');
      else if (input === 'E') void session.exportPlan('json');
      else if (input === 'w') void session.saveScenario();
      else viewKeys.current?.(input, key);
    },
    raw,
  );

  const width = Math.max(20, size.columns);
  // Strictly below the terminal height: a frame as tall as the screen makes ink clear it (flicker).
  const total = Math.max(6, size.rows - 1);
  const bodyHeight = total - 3;
  const targetText = session.target ? `target ${shortLabel(session.target)}` : 'no target';
  const busyText = session.busyText ? `${spinnerFrame(tick)} ${session.busyText}` : undefined;

  let body: React.ReactNode;
  if (help) {
    body = <HelpOverlay view={VIEWS.find((v) => v.id === view)!.title} viewHelp={HELP[view].help} width={width} height={bodyHeight} />;
  }
  const common = { width, height: bodyHeight, setCapture, setStatus };
  return (
    <ViewKeysContext.Provider value={viewKeys}>
    <Box flexDirection="column" width={width} height={total} overflow="hidden">
      <Tabs active={view} width={width} right={targetText} />
      <Box height={bodyHeight} width={width} overflow="hidden" flexDirection="column">
        {body}
        <Box display={help ? 'none' : 'flex'} flexDirection="column">
          {view === 'targets' ? <TargetsView {...common} state={catalog} selected={session.target} onPick={pick} /> : null}
          {view === 'trajectory' ? <TrajectoryView {...common} session={session} color={color} /> : null}
          {view === 'mission' ? <MissionView {...common} session={session} /> : null}
          {view === 'supply' ? <SupplyView {...common} session={session} /> : null}
          {view === 'compare' ? <CompareView {...common} session={session} /> : null}
        </Box>
      </Box>
      {session.prompt ? (
        <Box height={1} width={width} overflow="hidden">
          <Text color="cyan" wrap="truncate">
            {`${PROMPT_LABEL[session.prompt.kind]}: ${session.prompt.text}▏  ${session.prompt.confirmOverwrite ? 'exists — Enter overwrites' : 'Enter writes'}, Esc cancels`}
          </Text>
        </Box>
      ) : (
        <StatusLine status={status} width={width} busy={busyText} />
      )}
      <KeyLine keys={HELP[view].keys} width={width} />
    </Box>
    </ViewKeysContext.Provider>
  );
}


