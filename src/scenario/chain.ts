/**
 * The domain chain behind plan(): adapters from the scenario to each engine module.
 * `prepareChain` does the once-per-plan work (catalog lookup, trajectory search, registering
 * the uncertain inputs); `evaluateChain` runs the cheap per-sample stages; `describeChain`
 * turns the base case into the Plan's sections.
 */
import type { Band } from './dist.js';
import { InputSet, type Values } from './inputs.js';
import type { Scenario, Product } from './schema.js';
import type { NotModelled, Plan } from './plan-types.js';

export interface ChainOptions {
  catalog?: string;
  signal?: AbortSignal;
}

export interface Chain {
  scenario: Scenario;
  inputs: InputSet;
  products: Product[];
  defaultName: string;
  /** Arrival of each campaign mission's cargo (year and ISO date). */
  arrivals: Array<{ year: number; date: string }>;
  warnings: string[];
}

export interface Outcome {
  feasible: boolean;
  yieldKg: number[] | null;
  deliveredKg: number | null;
  deliveredByProduct: number[] | null;
  capsules: number | null;
  valueUsdByProduct: number[] | null;
  npvUsd: number | null;
  warnings: string[];
}

export interface OutcomeBands {
  yieldKg: Array<Band | null>;
  deliveredKg: Band | null;
  deliveredByProduct: Array<Band | null>;
  capsules: Band | null;
  npvUsd: Band | null;
}

function notModelled(reason: string): NotModelled {
  return { modelled: false, reason };
}

export async function prepareChain(scenario: Scenario, _opts: ChainOptions): Promise<Chain> {
  return {
    scenario,
    inputs: new InputSet(),
    products: [...scenario.refinery.products],
    defaultName: scenario.target.designation,
    arrivals: [],
    warnings: [],
  };
}

export function evaluateChain(_chain: Chain, _x: Values, _detail: boolean): Outcome {
  return { feasible: true, yieldKg: null, deliveredKg: null, deliveredByProduct: null, capsules: null, valueUsdByProduct: null, npvUsd: null, warnings: [] };
}

export function describeChain(_chain: Chain, _base: Outcome, _bands: OutcomeBands): Pick<Plan, 'target' | 'trajectory' | 'propulsion' | 'refining' | 'capsules' | 'delivered' | 'supply' | 'orbitalCompute' | 'economics'> {
  const nm = (m: string) => notModelled(`not yet modelled: the ${m} module is not in this build`);
  return {
    target: nm('catalog'),
    trajectory: nm('trajectory'),
    propulsion: nm('propulsion'),
    refining: nm('refining'),
    capsules: nm('reentry'),
    delivered: nm('refining'),
    supply: nm('supply'),
    orbitalCompute: nm('supply (orbital compute)'),
    economics: nm('economics'),
  };
}
