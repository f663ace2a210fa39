/**
 * Default cost of one reentry capsule when a scenario gives none: Stardust-scaled flight hardware.
 * Stardust's development cost per kg of dry flight hardware (data/capsules.json `cost`, 1999 $)
 * brought to today's dollars with the CPI-U, times the capsule's gross mass. It includes
 * development, so it is a first-unit figure; the campaign learning curve lowers later units.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { InputError, requireFinite } from '../errors.js';

export interface CapsuleCostDefault {
  /** Cost of one capsule, USD of `year`. */
  unitCostUsd: number;
  /** Flight-hardware cost per kg of capsule used, USD of `year`. */
  usdPerKg: number;
  year: number;
  capsuleMassKg: number;
  /** One sentence for reports: what the figure is and where it comes from. */
  basis: string;
}

interface CostData {
  hardwareUsdPerKg: number;
  hardwareYear: number;
  hardwareSource: string;
  cpiFrom: number;
  cpiTo: number;
  cpiToYear: number;
  cpiSource: string;
}

let cached: CostData | undefined;

function costData(): CostData {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(dataPath('capsules.json'), 'utf8')) as { cost?: CostData };
  const c = doc.cost;
  if (!c || !(c.hardwareUsdPerKg > 0) || !(c.cpiFrom > 0) || !(c.cpiTo > 0)) throw new InputError('capsules.json: expected a "cost" section with hardwareUsdPerKg, cpiFrom and cpiTo', 'capsules.json');
  cached = c;
  return c;
}

/** The Stardust-scaled cost of one capsule of `capsuleMassKg` (gross), in CPI-adjusted dollars. */
export function defaultCapsuleUnitCost(capsuleMassKg: number): CapsuleCostDefault {
  requireFinite(capsuleMassKg, 'capsuleMassKg', { min: 0, exclusiveMin: true });
  const c = costData();
  const usdPerKg = c.hardwareUsdPerKg * (c.cpiTo / c.cpiFrom);
  const unit = usdPerKg * capsuleMassKg;
  return {
    unitCostUsd: unit,
    usdPerKg,
    year: c.cpiToYear,
    capsuleMassKg,
    basis:
      `Stardust-scaled default: ${capsuleMassKg.toPrecision(3)} kg × $${Math.round(usdPerKg).toLocaleString('en-US')}/kg = $${(unit / 1e6).toPrecision(3)} M per capsule ` +
      `(${c.cpiToYear} $: Stardust's development cost per kg of dry flight hardware, $${Math.round(c.hardwareUsdPerKg).toLocaleString('en-US')}/kg in ${c.hardwareYear} $, × CPI-U ${(c.cpiTo / c.cpiFrom).toFixed(3)}; ` +
      `a first-unit cost including development, see data/capsules.json — set capsules.costUsd to override)`,
  };
}
