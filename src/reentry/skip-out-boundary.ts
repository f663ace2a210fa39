/**
 * The shallowest flight-path angle at which a ballistic capsule is captured instead of skipping
 * out (the shallow edge of the entry corridor), found by bisection on `simulateEntry`'s skip-out
 * verdict between the given angle and a steep one. Used to make a skip-out actionable.
 */
import { simulateEntry, type EntryInput } from './entry-simulation.js';

/** Steepest angle searched, rad (−30°: far steeper than any sample-return corridor). */
const STEEP_RAD = (-30 * Math.PI) / 180;

/**
 * Returns the shallowest captured angle (rad, ≤ 0) to within `tolRad`, or null when even −30°
 * skips out (a speed no ballistic capsule can be captured at). `input.fpaRad` should skip out.
 */
export function shallowestCapturedFpaRad(input: EntryInput, tolRad = (0.005 * Math.PI) / 180): number | null {
  const skips = (fpaRad: number) => simulateEntry({ ...input, fpaRad, trajectoryEveryS: undefined, toGround: false }).skippedOut;
  if (skips(STEEP_RAD)) return null;
  let shallow = Math.min(0, input.fpaRad); // skips out
  let steep = STEEP_RAD; // captured
  while (shallow - steep > tolRad) {
    const mid = 0.5 * (shallow + steep);
    if (skips(mid)) shallow = mid;
    else steep = mid;
  }
  return steep;
}
