// The scenario fields the Mission view edits in place: how each is shown, what may be typed
// (units, uncertainty triples, preset choices), its plausible range, and how an edited document
// differs from the file it came from (labels of kept plans, the saved scenario's description).

/** Where a choice field's options come from when they are not a fixed list. */
export type ChoiceSource = 'thrusters' | 'capsules';

export interface FieldDef {
  path: string[];
  label: string;
  /** Engine unit the value is converted to (mathjs name); '1' for a plain number. */
  unit: string;
  /** What the quantity is, for messages: "power", "mass", "fraction". */
  dimension: string;
  example: string;
  kind: 'quantity' | 'fraction' | 'choice' | 'count';
  /** Fixed options (route), or the engine's preset list (thrusters, capsules). */
  choices?: readonly string[];
  choicesFrom?: ChoiceSource;
  /** Takes `p10/p50/p90` and `min..mode..max` triples (the schema's uncertain inputs). */
  uncertain?: boolean;
  /** The scenario cannot be planned without it: an empty entry is refused rather than removed. */
  required?: boolean;
  /** Values must be > 0 (else ≥ 0). */
  positive?: boolean;
  /**
   * Plausibility limits in `unit`: values outside are refused as typing mistakes ("1e9 kW"),
   * with `why` naming the reference that makes them implausible.
   */
  range?: { min: number; max: number; text: string; why: string };
}

/** Processing routes: the scenario schema's ROUTES (test/tui checks the two lists agree). */
export const ROUTE_CHOICES = ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate'] as const;

export const FIELDS: Array<{ group: string; fields: FieldDef[] }> = [
  {
    group: 'Spacecraft',
    fields: [
      {
        path: ['spacecraft', 'power'], label: 'power @1 AU', unit: 'W', dimension: 'power', example: '40 kW', kind: 'quantity', uncertain: true, required: true, positive: true,
        // ISS: 8 array wings ≈ 240 kW in full sun, the largest arrays flown (NASA ISS electrical system);
        // the smallest ion-propelled probes run on ~1–2 kW (SMART-1 1.9 kW, ESA).
        range: { min: 100, max: 2e6, text: '100 W–2 MW', why: '2 MW is 8× the ISS arrays (≈240 kW), the largest flown' },
      },
      {
        path: ['spacecraft', 'dryMass'], label: 'dry mass', unit: 'kg', dimension: 'mass', example: '3000 kg', kind: 'quantity', uncertain: true, required: true, positive: true,
        // ISS ≈ 420 t (NASA ISS Facts and Figures: 925,335 lb), the heaviest spacecraft assembled.
        range: { min: 10, max: 5e5, text: '10 kg–500 t', why: 'the ISS, the heaviest spacecraft ever assembled, is ≈420 t' },
      },
      {
        path: ['spacecraft', 'isp'], label: 'Isp', unit: 's', dimension: 'time (Isp)', example: '3000 s', kind: 'quantity', positive: true,
        // Flown ion/Hall thrusters 1,500–4,200 s (SPT-140 ~1,800 s, NEXT-C 4,190 s); the DS4G
        // laboratory concept reached 19,300 s (Bramanti et al. 2006, IAC-06-C4.4.7).
        range: { min: 100, max: 20000, text: '100–20,000 s', why: 'the highest ion-engine Isp ever proposed (DS4G) is 19,300 s' },
      },
      {
        path: ['spacecraft', 'thrusters'], label: 'thrusters', unit: '1', dimension: 'count', example: '4', kind: 'count', positive: true,
        // Dawn carried 3 NSTAR thrusters, Psyche 4 SPT-140s (NASA mission pages).
        range: { min: 1, max: 100, text: '1–100', why: 'flown ion spacecraft carry 3–4 main thrusters' },
      },
      { path: ['spacecraft', 'thrusterPreset'], label: 'thruster', unit: '', dimension: 'thruster preset', example: 'next-c', kind: 'choice', choicesFrom: 'thrusters' },
    ],
  },
  {
    group: 'Refinery',
    fields: [
      {
        path: ['refinery', 'concentratorDiameter'], label: 'concentrator Ø', unit: 'm', dimension: 'length', example: '20 m', kind: 'quantity', required: true, positive: true,
        // The ISS truss, the largest structure assembled in space, is 109 m long (NASA ISS Facts and Figures).
        range: { min: 0.1, max: 1000, text: '0.1–1000 m', why: 'the largest structure assembled in space (ISS truss) is 109 m' },
      },
      { path: ['refinery', 'captureEfficiency'], label: 'capture eff.', unit: '1', dimension: 'fraction', example: '0.5', kind: 'fraction', uncertain: true, positive: true },
      { path: ['refinery', 'dutyCycle'], label: 'duty cycle', unit: '1', dimension: 'fraction', example: '0.5', kind: 'fraction', uncertain: true, positive: true },
      { path: ['refinery', 'route'], label: 'route', unit: '', dimension: 'route', example: 'melt-metal', kind: 'choice', choices: ROUTE_CHOICES, required: true },
      {
        path: ['window', 'minStayDays'], label: 'min stay', unit: 'day', dimension: 'duration', example: '365 d', kind: 'quantity',
        range: { min: 0, max: 3650, text: '0–3650 d', why: 'ten years at the asteroid is beyond any mission design' },
      },
    ],
  },
  {
    group: 'Capsules',
    fields: [
      { path: ['capsules', 'preset'], label: 'design', unit: '', dimension: 'capsule preset', example: 'stardust', kind: 'choice', choicesFrom: 'capsules' },
      { path: ['capsules', 'payloadFraction'], label: 'payload frac.', unit: '1', dimension: 'fraction', example: '0.3', kind: 'fraction', uncertain: true, positive: true },
    ],
  },
];
export const FLAT_FIELDS: FieldDef[] = FIELDS.flatMap((g) => g.fields);

const NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;
const BARE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Triple = { kind: 'minmodemax'; a: unknown; b: unknown; c: unknown } | { kind: 'percentiles'; a: unknown; b: unknown; c: unknown };

function asTriple(v: unknown): Triple | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (keys === 'max,min,mode') return { kind: 'minmodemax', a: o.min, b: o.mode, c: o.max };
  if (keys === 'p10,p50,p90') return { kind: 'percentiles', a: o.p10, b: o.p50, c: o.p90 };
  return null;
}

/** "2900 kg", "3000 kg", "3600 kg" → "2900‥3000‥3600 kg" (one unit written once when all share it). */
function joinTriple(parts: unknown[], sep: string): string {
  const strs = parts.map((p) => String(p));
  const m = strs.map((s) => NUMBER.exec(s.trim()));
  const unit = m[0]?.[2] ?? '';
  if (unit && m.every((x) => x && x[2] === unit)) {
    const spaced = /^\S+\s+\S/.test(strs[2].trim()) ? ' ' : '';
    return m.map((x) => x![1]).join(sep) + spaced + unit;
  }
  return strs.join(sep);
}

/** A scenario value as the list shows it: min‥mode‥max and P10/P50/P90 keep their form. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '(default)';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  const t = asTriple(v);
  if (t) return joinTriple([t.a, t.b, t.c], t.kind === 'minmodemax' ? '‥' : '/');
  return JSON.stringify(v);
}

/** The text an edit starts from: what the list shows, typable (`..` for ‥); Enter on it changes nothing. */
export function editText(v: unknown): string {
  if (v === undefined || v === null) return '';
  const t = asTriple(v);
  if (t) return joinTriple([t.a, t.b, t.c], t.kind === 'minmodemax' ? '..' : '/');
  return showValue(v);
}

export type Converter = (text: string, unit: string, field: string) => Promise<number>;
export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Checks a typed value for a field and turns it into what the scenario file holds, units kept as
 * typed. One value, `p10/p50/p90` (percentiles) or `min..mode..max` (triangular; `‥` also read).
 * A unit written once at the end applies to all three ("2.9..3..3.6 t").
 */
export async function parseFieldInput(f: FieldDef, text: string, convert: Converter, choices?: readonly string[]): Promise<ParseResult> {
  const t = text.trim();
  const name = f.label;
  if (t === '') {
    if (f.required) return { ok: false, message: `${name}: a value is needed (e.g. "${f.example}")` };
    return { ok: true, value: undefined };
  }
  if (f.kind === 'choice') {
    const list = choices ?? f.choices ?? [];
    const hit = list.find((c) => c.toLowerCase() === t.toLowerCase());
    return hit ? { ok: true, value: hit } : { ok: false, message: `${name}: '${t}' is not one of ${list.join(', ')}` };
  }
  const triangular = t.includes('..') || t.includes('‥');
  // '/' separates P10/P50/P90 only as a triple: a unit such as km/s keeps its slash.
  const percentiles = !triangular && t.split('/').length === 3;
  if ((triangular || percentiles) && !f.uncertain) return { ok: false, message: `${name}: '${t}' — this field takes one value (e.g. "${f.example}")` };
  let parts = triangular ? t.split(/\.\.|‥/).map((s) => s.trim()) : percentiles ? t.split('/').map((s) => s.trim()) : [t];
  const form = triangular ? 'min..mode..max' : 'P10/P50/P90';
  if (parts.length !== 1 && parts.length !== 3) return { ok: false, message: `${name}: '${t}' — give one value, ${f.kind === 'fraction' ? '0.4/0.5/0.6 (P10/P50/P90) or 0.3..0.5..0.7 (min..mode..max)' : `P10/P50/P90 or min..mode..max (e.g. "${f.example}")`}` };
  if (parts.some((p) => p === '')) return { ok: false, message: `${name}: '${t}' — ${form} needs three values` };
  if (parts.length === 3) {
    // A unit given once at the end applies to all three.
    const unit = NUMBER.exec(parts[2])?.[2] ?? '';
    if (unit && parts.slice(0, 2).every((p) => BARE.test(p))) parts = parts.map((p, i) => (i < 2 ? (unit === '%' ? `${p}%` : `${p} ${unit}`) : p));
  }
  const raws: unknown[] = [];
  const sis: number[] = [];
  for (const p of parts) {
    const r = await parseOne(f, p, convert);
    if (!r.ok) return r;
    raws.push(r.raw);
    sis.push(r.si);
  }
  if (parts.length === 1) return { ok: true, value: raws[0] };
  const [a, b, c] = sis;
  if (!(a <= b && b <= c)) return { ok: false, message: `${name}: ${triangular ? 'min ≤ mode ≤ max' : 'P10 ≤ P50 ≤ P90'} expected, got ${t}` };
  return { ok: true, value: triangular ? { min: raws[0], mode: raws[1], max: raws[2] } : { p10: raws[0], p50: raws[1], p90: raws[2] } };
}

async function parseOne(f: FieldDef, t: string, convert: Converter): Promise<{ ok: true; raw: unknown; si: number } | { ok: false; message: string }> {
  const name = f.label;
  const bare = BARE.test(t);
  let si: number;
  if (f.kind === 'fraction' || f.kind === 'count') {
    const pct = f.kind === 'fraction' && /^\S+\s*%$/.test(t) ? Number(t.replace(/\s*%$/, '')) / 100 : NaN;
    si = bare ? Number(t) : pct;
    if (!Number.isFinite(si)) return { ok: false, message: `${name}: '${t}' is not ${f.kind === 'count' ? 'a whole number' : 'a fraction (0–1 or a percentage)'}` };
    if (f.kind === 'count' && !Number.isInteger(si)) return { ok: false, message: `${name}: '${t}' is not a whole number` };
    if (f.kind === 'fraction' && !(si > 0 && si <= 1)) return { ok: false, message: `${name}: '${t}' is outside (0, 1]` };
  } else if (bare) {
    // A bare number is in the field's unit.
    si = Number(t);
  } else {
    try {
      si = await convert(t, f.unit, name);
    } catch (err) {
      const m = (err as Error).message;
      if (/wrong dimension/.test(m)) return { ok: false, message: `${name}: '${t}' is not a ${f.dimension} (expected e.g. "${f.example}")` };
      return { ok: false, message: `${name}: cannot read '${t}' as a ${f.dimension} (expected e.g. "${f.example}")` };
    }
  }
  if (!Number.isFinite(si)) return { ok: false, message: `${name}: '${t}' is not a finite ${f.dimension}` };
  if (f.positive ? !(si > 0) : si < 0) return { ok: false, message: `${name}: '${t}' must be ${f.positive ? 'positive' : 'zero or more'}` };
  if (f.range && (si < f.range.min || si > f.range.max)) {
    return { ok: false, message: `${name}: '${t}' is outside the plausible range ${f.range.text} (${f.range.why}); check the unit` };
  }
  return { ok: true, raw: bare ? Number(t) : t, si };
}

/** Same value, whatever the key order (a no-op edit must not re-plan). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).sort();
  const kb = Object.keys(b as object).sort();
  if (ka.join(',') !== kb.join(',')) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface Change {
  path: string[];
  before: unknown;
  after: unknown;
}

/** Leaf-level differences between two scenario documents (triples and lists count as one value). */
export function diffDocs(before: unknown, after: unknown, path: string[] = []): Change[] {
  const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && asTriple(v) === null;
  if (isMap(before) && isMap(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((k) => diffDocs(b[k], a[k], [...path, k]));
  }
  return sameValue(before, after) ? [] : [{ path, before, after }];
}

const PATH_LABELS: Record<string, string> = {
  'target.designation': 'target',
  'window.launch': 'launch window',
  'window.maxTotalDays': 'max total',
  'window.minStayDays': 'min stay',
};

export function fieldLabel(path: string[]): string {
  const key = path.join('.');
  return FLAT_FIELDS.find((f) => f.path.join('.') === key)?.label ?? PATH_LABELS[key] ?? key;
}

/** "power @1 AU 40 kW", "target 2000 SG344": each change in words (`name` maps designations to names). */
export function describeChanges(before: unknown, after: unknown, name: (designation: string) => string = (d) => d): string[] {
  return diffDocs(before, after).map((c) => {
    const label = fieldLabel(c.path);
    if (c.path.join('.') === 'target.designation') return `${label} ${name(String(c.after))}`;
    if (c.after === undefined) return `${label} default`;
    return `${label} ${showValue(c.after)}`;
  });
}
