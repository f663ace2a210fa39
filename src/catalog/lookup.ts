/**
 * Finds an asteroid by what a user types: a number (`101955`, `(101955)`), a name (`Bennu`,
 * case-insensitive), a designation (`1999 RQ36`, `1999rq36`), a combination (`(101955) Bennu`,
 * `101955 Bennu (1999 RQ36)`) or the MPC packed form (`K99R36Q`, `A1955`… for numbers).
 */
import { NotFoundError } from '../errors.js';
import { unpackNumber, unpackProvisional } from './packed-designation.js';
import type { Asteroid } from './types.js';

interface Index {
  byNumber: Map<number, Asteroid>;
  byKey: Map<string, Asteroid>;
}

const cache = new WeakMap<readonly Asteroid[], Index>();

/** Upper case, no spaces: "1999 rq36" → "1999RQ36", "Bennu" → "BENNU". */
function key(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

function indexOf(catalog: readonly Asteroid[]): Index {
  let idx = cache.get(catalog);
  if (idx) return idx;
  idx = { byNumber: new Map(), byKey: new Map() };
  for (const a of catalog) {
    if (a.number !== undefined && !idx.byNumber.has(a.number)) idx.byNumber.set(a.number, a);
    for (const k of [a.designation, a.name, a.packed]) {
      if (k && !idx.byKey.has(key(k))) idx.byKey.set(key(k), a);
    }
  }
  // Secondary designations last, so they never shadow a principal one.
  for (const a of catalog) {
    for (const k of a.otherDesignations ?? []) if (!idx.byKey.has(key(k))) idx.byKey.set(key(k), a);
  }
  cache.set(catalog, idx);
  return idx;
}

function lookupOne(idx: Index, q: string): Asteroid | undefined {
  const t = q.trim();
  if (!t) return undefined;
  if (/^\(?\d+\)?$/.test(t)) return idx.byNumber.get(Number(t.replace(/[()]/g, '')));
  const direct = idx.byKey.get(key(t));
  if (direct) return direct;
  // Packed forms are case-sensitive in principle; try as typed, then upper case.
  for (const p of [t, t.toUpperCase()]) {
    const n = unpackNumber(p);
    if (n !== null && /^[A-Za-z~]/.test(p)) {
      const hit = idx.byNumber.get(n);
      if (hit) return hit;
    }
    const d = unpackProvisional(p);
    if (d) {
      const hit = idx.byKey.get(key(d));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Finds one asteroid; throws NotFoundError (exit 2) naming the query. */
export function findAsteroid(catalog: readonly Asteroid[], query: string): Asteroid {
  const hit = tryFindAsteroid(catalog, query);
  if (hit) return hit;
  throw new NotFoundError(`asteroid "${query.trim()}" not found in the catalog (try a number such as 101955, a name such as Bennu, or a designation such as "1999 RQ36")`, 'designation');
}

export function tryFindAsteroid(catalog: readonly Asteroid[], query: string): Asteroid | undefined {
  const idx = indexOf(catalog);
  const t = query.trim().replace(/\s+/g, ' ');
  const whole = lookupOne(idx, t);
  if (whole) return whole;
  // "(101955) Bennu", "101955 Bennu", "101955 Bennu (1999 RQ36)", "Bennu (1999 RQ36)": any part.
  const m = /^\(?(\d+)\)?\s+(.+)$/.exec(t);
  if (m) {
    const hit = idx.byNumber.get(Number(m[1]));
    if (hit) return hit;
  }
  const paren = /^(.*?)\s*\(([^)]+)\)\s*(.*)$/.exec(t);
  if (paren) {
    for (const part of [paren[2], paren[1], paren[3]]) {
      const hit = part ? lookupOne(idx, part) : undefined;
      if (hit) return hit;
    }
  }
  return undefined;
}
