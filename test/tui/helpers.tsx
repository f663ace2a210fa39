// Rendering the TUI in tests: a fake engine (modules by domain), key codes, and polling helpers
// (ink subscribes to stdin in an effect, so writes need a tick after render; React 19 batches).
import React from 'react';
import { render } from 'ink-testing-library';
import { App } from '../../cli/tui/app.js';
import type { Availability, Domain, ModuleLoader } from '../../cli/tui/engine.js';
import type { Asteroid, TuiCatalog } from '../../cli/tui/types.js';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  tab: '\t',
  ctrlC: '\u0003',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
} as const;

export const tick = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

/** Polls until `pred(lastFrame)` holds (or fails with the last frame shown). */
export async function waitFor(get: () => string | undefined, pred: (f: string) => boolean, what = 'frame', timeoutMs = 15_000): Promise<string> {
  const t0 = Date.now();
  let f = get() ?? '';
  while (!pred(f)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
    await tick();
    f = get() ?? '';
  }
  return f;
}

/** Writes keys one at a time with a tick between, as a user would type them. */
export async function type(stdin: { write(s: string): void }, ...keys: string[]) {
  // A view that has just been drawn subscribes to stdin in an effect that runs after the frame.
  await tick();
  for (const k of keys) {
    stdin.write(k);
    await tick();
  }
}

export function fakeEngine(mods: Partial<Record<Domain, Record<string, unknown>>>): ModuleLoader {
  return async (d: Domain): Promise<Availability<Record<string, unknown>>> => {
    const m = mods[d];
    return m ? { ok: true, value: m } : { ok: false, reason: `the ${d} module (src/${d}) is not available in this build` };
  };
}

const orbit = (aAu: number, e: number, iDeg: number) => ({ epochJd: 2460600.5, aAu, e, iDeg, omDeg: 0, wDeg: 0, maDeg: 0 });
/** (π/6)·D³·ρ with ρ 2000 kg/m³: fixture masses only need to be present and positive. */
const massOf = (dKm: number) => (Math.PI / 6) * (dKm * 1000) ** 3 * 2000;

/** Test fixtures shaped like catalog entries (orbits rounded from JPL SBDB; values only drive the UI). */
const SIZED: Asteroid[] = [
  { designation: '1999 RQ36', number: 101955, name: 'Bennu', orbit: orbit(1.126, 0.204, 6.03), H: 20.2, orbitClass: 'Apollo', isNea: true, diameterKm: 0.49, diameterKmLow: 0.48, diameterKmHigh: 0.5, albedo: 0.044, spectralType: 'B', dvKmS: 5.09 },
  { designation: '1999 JU3', number: 162173, name: 'Ryugu', orbit: orbit(1.19, 0.19, 5.88), H: 19.3, orbitClass: 'Apollo', isNea: true, diameterKm: 0.9, diameterKmLow: 0.87, diameterKmHigh: 0.93, albedo: 0.045, spectralType: 'Cg', dvKmS: 4.64 },
  { designation: '2000 SG344', orbit: orbit(0.977, 0.067, 0.11), H: 24.7, orbitClass: 'Aten', isNea: true, diameterKm: 0.037, diameterKmLow: 0.02, diameterKmHigh: 0.06, albedo: null, spectralType: null, dvKmS: 3.56 },
  { designation: '1996 FG3', number: 175706, orbit: orbit(1.054, 0.35, 1.99), H: 18.4, orbitClass: 'Apollo', isNea: true, diameterKm: 1.7, diameterKmLow: 1.6, diameterKmHigh: 1.8, albedo: 0.04, spectralType: 'C', dvKmS: 5.16 },
  { designation: '1986 DA', number: 6178, orbit: orbit(2.82, 0.58, 4.3), H: 15.1, orbitClass: 'Amor', isNea: true, diameterKm: 2.3, diameterKmLow: 2.0, diameterKmHigh: 2.6, albedo: 0.14, spectralType: 'M', dvKmS: 6.6 },
  { designation: 'A852 FA', number: 16, name: 'Psyche', orbit: orbit(2.92, 0.134, 3.1), H: 6.0, orbitClass: 'MBA', isNea: false, diameterKm: 222, diameterKmLow: 218, diameterKmHigh: 226, albedo: 0.15, spectralType: 'M', dvKmS: null },
  ...Array.from({ length: 30 }, (_, k): Asteroid => ({
    designation: `2020 A${String(k).padStart(2, '0')}`,
    orbit: orbit(1 + k * 0.01, 0.1, k),
    H: 22 + k / 10,
    orbitClass: k % 2 ? 'Amor' : 'Apollo',
    isNea: true,
    diameterKm: 0.1 + k / 100,
    diameterKmLow: 0.05,
    diameterKmHigh: 0.2,
    albedo: null,
    spectralType: k % 3 ? 'S' : null,
    dvKmS: 6 + k / 10,
  })),
];

/** The fixture catalog: sized asteroids (with masses) and one without any size, like 2010 KZ50. */
export const FIXTURE_ASTEROIDS: Asteroid[] = [
  ...SIZED.map((a) => ({ ...a, massKg: a.diameterKm === null ? null : massOf(a.diameterKm) })),
  { designation: '2010 KZ50', orbit: orbit(1.063, 0.059, 0.66), H: null, orbitClass: 'Amor', isNea: true, diameterKm: null, diameterKmLow: null, diameterKmHigh: null, albedo: null, spectralType: null, dvKmS: 7.5, massKg: null },
];

/** The catalog module's functions (the entries come from the session's `TuiCatalog`, below). */
export const fakeCatalog = {
  findAsteroid: (cat: Asteroid[], q: string) => {
    const hit = cat.find((a) => a.designation === q || a.name === q || String(a.number) === q);
    if (!hit) throw new Error(`no asteroid matches "${q}"`);
    return hit;
  },
  compositionFor: () => ({ Pt: { p50: 0.925e-6 }, Fe: { p50: 0.1866 } }),
};

export interface AppUnderTest {
  lastFrame: () => string | undefined;
  frames: string[];
  stdin: { write(data: string): void };
  unmount: () => void;
  exits: number[];
}

/** "Today" of every rendered session (default launch windows start there): pinned, so tests do not move with the calendar. */
export const TUI_TODAY = '2026-12-05';

/** A session catalog as the command layer hands it to the App (cli/tui/catalog.ts), over fixture entries. */
export function tuiCatalog(asteroids: Asteroid[] = FIXTURE_ASTEROIDS, over: Partial<TuiCatalog> = {}): TuiCatalog {
  return { name: 'bundled', label: 'the bundled catalog', source: 'default', count: asteroids.length, asteroids: () => asteroids, ...over };
}

export function renderApp(props: {
  engine: ModuleLoader;
  cwd?: string;
  scenarioPath?: string;
  color?: boolean;
  columns?: number;
  rows?: number;
  today?: string;
  catalog?: TuiCatalog;
  /** The command's environment (samples, seed): empty unless a test sets it, so the suite ignores the developer's. */
  env?: NodeJS.ProcessEnv;
}): AppUnderTest {
  const exits: number[] = [];
  const inst = render(
    <App
      engine={props.engine}
      cwd={props.cwd ?? process.cwd()}
      color={props.color ?? false}
      scenarioPath={props.scenarioPath}
      size={{ columns: props.columns ?? 80, rows: props.rows ?? 24 }}
      today={props.today ?? TUI_TODAY}
      catalog={props.catalog ?? tuiCatalog()}
      env={props.env ?? {}}
      onExit={(c) => exits.push(c)}
    />,
  );
  return { lastFrame: inst.lastFrame, frames: inst.frames, stdin: inst.stdin, unmount: inst.unmount, exits };
}
