// Sessions for the screen tests: the App over a fixture scenario file, a fake catalog and a fake
// scenario module (real export and supply modules), opened on the Mission view.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule } from '../../cli/tui/engine.js';
import type { Domain } from '../../cli/tui/engine.js';
import { fakeCatalog, renderApp, tick, type, waitFor } from './helpers.js';
import { FIXTURE_SCENARIO_YAML, fakeScenarioModule } from './plan-fixture.js';

export const CTRL_U = '\u0015';
export const THRUSTERS = ['nstar', 'next-c', 'spt-140', 'xips-25'];
export const CAPSULES = ['stardust', 'hayabusa', 'hayabusa2', 'osiris-rex', 'genesis'];

export function setup(scenarioModule: Record<string, unknown> = fakeScenarioModule(), size: { columns?: number; rows?: number } = {}, presets = true) {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-tui-'));
  writeFileSync(join(dir, 'fixture.yaml'), FIXTURE_SCENARIO_YAML);
  const engine = async (d: Domain) => {
    if (d === 'catalog') return { ok: true as const, value: fakeCatalog as Record<string, unknown> };
    if (d === 'scenario') return { ok: true as const, value: scenarioModule };
    if (d === 'export' || d === 'supply') return loadModule(d);
    if (presets && d === 'propulsion') return { ok: true as const, value: { thrusterPresets: () => THRUSTERS.map((id) => ({ id })) } as Record<string, unknown> };
    if (presets && d === 'reentry') return { ok: true as const, value: { capsulePresetIds: () => CAPSULES } as Record<string, unknown> };
    return { ok: false as const, reason: `the ${d} module (src/${d}) is not available in this build` };
  };
  const app = renderApp({ engine, cwd: dir, scenarioPath: 'fixture.yaml', ...size });
  return { app, dir };
}

export async function openMission(app: ReturnType<typeof renderApp>) {
  await waitFor(app.lastFrame, (s) => s.includes('Bennu'), 'catalog');
  await tick();
  await type(app.stdin, '3');
  return waitFor(app.lastFrame, (s) => s.includes('Plan: 200 samples'), 'first plan');
}

/** The row of a field in the Mission list (left pane). */
export const row = (f: string, label: string) => f.split('\n').find((l) => l.slice(1, 16).startsWith(label)) ?? '';
export const lastDoc = (calls: any[]) => calls[calls.length - 1];
