// Worker thread for the planning session: parses the scenario and runs plan() away from the
// thread that draws the screen and reads keys. One request at a time; cancellation terminates it.
import { parentPort } from 'node:worker_threads';

type Request =
  | { id: number; kind: 'plan'; doc: unknown; source: string; samples: number | null; cwd: string; env: NodeJS.ProcessEnv; catalog?: string; today?: string }
  | { id: number; kind: 'quantity'; text: string; unit: string; field: string };

parentPort?.on('message', async (req: Request) => {
  const post = (m: Record<string, unknown>) => parentPort?.postMessage({ id: req.id, ...m });
  if (req.kind === 'quantity') {
    // Unit strings need mathjs (~1 s to import): it lives here, not on the thread that draws.
    try {
      const { quantity } = await import('../../src/scenario/units.js');
      post({ type: 'done', value: await quantity(req.text, req.unit, req.field) });
    } catch (err) {
      post({ type: 'error', message: (err as Error).message, code: (err as { code?: string }).code ?? null });
    }
    return;
  }
  try {
    const [{ parseScenario }, { plan }, { cliSettings }] = await Promise.all([
      import('../../src/scenario/load.js'),
      import('../../src/scenario/plan.js'),
      import('./plan-runner.js'),
    ]);
    const scenario = await parseScenario(req.doc, req.source);
    // null: the full sample count, as `prospector plan/export` would use; otherwise at most that many (live edits).
    const settings = await cliSettings(scenario, req.cwd, req.env);
    const samples = req.samples === null ? settings.samples : Math.min(settings.samples, req.samples);
    let last = 0;
    const result = await plan(scenario, {
      samples,
      seed: settings.seed,
      // The session's catalog (the command layer resolved it): the file the target table lists.
      catalog: req.catalog,
      today: req.today,
      onProgress: (done, total) => {
        const now = Date.now();
        // At most ~10 progress messages a second: the screen does not redraw faster than that.
        if (done === total || now - last > 100) {
          last = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', plan: result, samples, fullSamples: settings.samples });
  } catch (err) {
    const e = err as Error & { code?: string; field?: string };
    post({ type: 'error', message: e.message, code: e.code ?? null, field: e.field ?? null });
  }
});
