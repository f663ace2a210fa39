// Every number in the data files this domain owns must carry a source: a `source` string on the
// object holding it (for numbers inside arrays, on the object holding the array).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../src/paths.js';

const FILES = ['markets.json', 'semiconductors.json', 'orbital-compute.json'];

/** Paths of numeric leaves whose nearest enclosing object has no non-empty `source`. */
export function unsourcedNumbers(doc: unknown): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, path: string, owner: Record<string, unknown> | null) => {
    if (typeof node === 'number') {
      const src = owner?.source;
      if (typeof src !== 'string' || src.trim().length < 8) missing.push(path);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${path}[${i}]`, owner));
      return;
    }
    if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        if (k === 'schemaVersion') continue; // file format version, not a figure
        walk(v, path ? `${path}.${k}` : k, obj);
      }
    }
  };
  walk(doc, '', null);
  return missing;
}

describe('data files: every figure has a source', () => {
  for (const f of FILES) {
    it(`${f}: every numeric leaf sits in an object with a source`, () => {
      const doc = JSON.parse(readFileSync(dataPath(f), 'utf8'));
      expect(unsourcedNumbers(doc)).toEqual([]);
    });
  }

  it('the checker itself catches an unsourced number, in objects and in arrays', () => {
    expect(unsourcedNumbers({ a: { value: 1 } })).toEqual(['a.value']);
    expect(unsourcedNumbers({ a: { value: 1, source: 'USGS MCS 2025' } })).toEqual([]);
    expect(unsourcedNumbers({ a: { range: [1, 2] } })).toEqual(['a.range[0]', 'a.range[1]']);
    expect(unsourcedNumbers({ source: 'top level only', a: { value: 1 } })).toEqual(['a.value']);
  });

  it('markets.json: every priced metal has a year on its price', () => {
    const doc = JSON.parse(readFileSync(dataPath('markets.json'), 'utf8'));
    for (const [el, m] of Object.entries<any>(doc.metals)) {
      if (m.price) expect(typeof m.price.year, `${el}.price.year`).toBe('number');
      if (m.worldSupply) expect(typeof m.worldSupply.year, `${el}.worldSupply.year`).toBe('number');
    }
  });
});
