/**
 * Worker thread for the catalog screen: receives ScreenItems one batch at a time, answers with
 * their outcomes. Started by screen.ts (as .js when built, as .ts through tsx from source).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ScreenEvaluator, type ScreenItem, type ScreenOutcome } from './screen-item.js';
import type { TripConstraints } from './round-trip.js';

const port = parentPort;
if (port) {
  const evaluator = new ScreenEvaluator((workerData as { constraints: TripConstraints }).constraints);
  port.on('message', (msg: { items: ScreenItem[] } | { stop: true }) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const outcomes: ScreenOutcome[] = msg.items.map((it) => evaluator.evaluate(it));
    port.postMessage({ outcomes });
  });
  port.postMessage({ ready: true });
}
