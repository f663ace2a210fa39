/**
 * The uncertain inputs of one plan: each has a field name (its scenario path or a derived name
 * such as `composition.Pt`), a distribution and bounds. Each input draws from its own PRNG
 * stream (seed + name), so the sample matrix is reproducible and adding an input does not
 * reshuffle the others.
 */
import { central, sample, spread, type Bounds, type Dist } from './dist.js';
import { sfc32, streamSeed } from './random.js';
import type { PlanInputSummary } from './plan-types.js';

export interface UncertainInput {
  field: string;
  dist: Dist;
  bounds: Bounds;
  /** How to show the input in the plan when the draw is not the quantity itself (grade quantiles). */
  display?: Omit<PlanInputSummary, 'field'>;
}

export class InputSet {
  readonly list: UncertainInput[] = [];
  private readonly index = new Map<string, number>();

  /** Registers an input (first registration wins) and returns its field name. */
  add(field: string, dist: Dist, bounds: Bounds = {}, display?: UncertainInput['display']): string {
    if (!this.index.has(field)) {
      this.index.set(field, this.list.length);
      this.list.push({ field, dist, bounds, display });
    }
    return field;
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  /** Central (mode/median) values: the deterministic base case. */
  base(): Values {
    const v: Record<string, number> = {};
    for (const inp of this.list) v[inp.field] = central(inp.dist);
    return new Values(v);
  }

  /** n × inputs draws; column per input, each from its own stream. */
  draw(n: number, seed: number): Float64Array[] {
    return this.list.map((inp) => {
      const rng = sfc32(streamSeed(seed, inp.field));
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = sample(inp.dist, rng, inp.bounds);
      return col;
    });
  }

  /** The values of sample i from a draw. */
  row(columns: Float64Array[], i: number): Values {
    const v: Record<string, number> = {};
    for (let j = 0; j < this.list.length; j++) v[this.list[j].field] = columns[j][i];
    return new Values(v);
  }

  summary(): PlanInputSummary[] {
    return this.list.map((inp) => {
      if (inp.display) return { field: inp.field, ...inp.display };
      const [low, high] = spread(inp.dist);
      return { field: inp.field, distribution: inp.dist.kind, low, central: central(inp.dist), high };
    });
  }
}

export class Values {
  constructor(private readonly v: Record<string, number>) {}
  get(field: string): number {
    const x = this.v[field];
    if (x === undefined) throw new Error(`plan: input ${field} was not registered`);
    return x;
  }
  /** The value when registered, else `fallback`. */
  opt(field: string, fallback: number): number {
    const x = this.v[field];
    return x === undefined ? fallback : x;
  }
}
