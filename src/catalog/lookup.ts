/**
 * Finds an asteroid by what a user types: a number (`101955`, `(101955)`), a name (`Bennu`,
 * case-insensitive), a designation (`1999 RQ36`, `1999rq36`), a combination (`(101955) Bennu`,
 * `101955 Bennu (1999 RQ36)`) or the MPC packed form (`J99R36Q` for 1999 RQ36, `A1955` for
 * number 101955; century letters I/J/K = 1800s/1900s/2000s).
 */
import { NotFoundError } from '../errors.js';
import { arrayView, type CatalogView } from './catalog-view.js';
import { unpackNumber, unpackProvisional } from './packed-designation.js';
import type { Asteroid } from './types.js';

/** Row numbers by catalog number and by normalised designation/name/packed form. */
interface Index {
  byNumber: Map<number, number>;
  byKey: Map<string, number>;
}

const indexes = new WeakMap<object, Index>();
const views = new WeakMap<readonly Asteroid[], CatalogView>();

/** Upper case, no spaces: "1999 rq36" → "1999RQ36", "Bennu" → "BENNU". */
function key(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

function viewOf(catalog: readonly Asteroid[] | CatalogView): CatalogView {
  if (!Array.isArray(catalog)) return catalog as CatalogView;
  const list = catalog as readonly Asteroid[];
  let v = views.get(list);
  if (!v) views.set(list, (v = arrayView(list)));
  return v;
}

function indexOf(view: CatalogView): Index {
  let idx = indexes.get(view);
  if (idx) return idx;
  idx = { byNumber: new Map(), byKey: new Map() };
  for (let k = 0; k < view.count; k++) {
    const n = view.number(k);
    if (n !== undefined && !idx.byNumber.has(n)) idx.byNumber.set(n, k);
    for (const s of [view.designation(k), view.name(k), view.unusualPacked(k)]) {
      if (s && !idx.byKey.has(key(s))) idx.byKey.set(key(s), k);
    }
  }
  // Secondary designations last, so they never shadow a principal one.
  for (let k = 0; k < view.count; k++) {
    for (const s of view.otherDesignations(k) ?? []) if (!idx.byKey.has(key(s))) idx.byKey.set(key(s), k);
  }
  indexes.set(view, idx);
  return idx;
}

function lookupOne(idx: Index, q: string): number | undefined {
  const t = q.trim();
  if (!t) return undefined;
  if (/^\(?\d+\)?$/.test(t)) return idx.byNumber.get(Number(t.replace(/[()]/g, '')));
  const direct = idx.byKey.get(key(t));
  if (direct !== undefined) return direct;
  // Packed forms are case-sensitive in principle; try as typed, then upper case.
  for (const p of [t, t.toUpperCase()]) {
    const n = unpackNumber(p);
    if (n !== null && /^[A-Za-z~]/.test(p)) {
      const hit = idx.byNumber.get(n);
      if (hit !== undefined) return hit;
    }
    const d = unpackProvisional(p);
    if (d) {
      const hit = idx.byKey.get(key(d));
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** Row of the asteroid `query` names in `view`, or undefined. */
export function findRow(view: CatalogView, query: string): number | undefined {
  const idx = indexOf(view);
  const t = query.trim().replace(/\s+/g, ' ');
  const whole = lookupOne(idx, t);
  if (whole !== undefined) return whole;
  // "(101955) Bennu", "101955 Bennu", "101955 Bennu (1999 RQ36)", "Bennu (1999 RQ36)": any part.
  const m = /^\(?(\d+)\)?\s+(.+)$/.exec(t);
  if (m) {
    const hit = idx.byNumber.get(Number(m[1]));
    if (hit !== undefined) return hit;
  }
  const paren = /^(.*?)\s*\(([^)]+)\)\s*(.*)$/.exec(t);
  if (paren) {
    for (const part of [paren[2], paren[1], paren[3]]) {
      const hit = part ? lookupOne(idx, part) : undefined;
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** Finds one asteroid; throws NotFoundError (exit 2) naming the query. */
export function findAsteroid(catalog: readonly Asteroid[] | CatalogView, query: string): Asteroid {
  const hit = tryFindAsteroid(catalog, query);
  if (hit) return hit;
  throw new NotFoundError(`asteroid "${query.trim()}" not found in the catalog (try a number such as 101955, a name such as Bennu, or a designation such as "1999 RQ36")`, 'designation');
}

export function tryFindAsteroid(catalog: readonly Asteroid[] | CatalogView, query: string): Asteroid | undefined {
  const view = viewOf(catalog);
  const k = findRow(view, query);
  return k === undefined ? undefined : view.asteroid(k);
}
