/**
 * A user-defined thruster from a JSON document (`propulsion --thruster-file FILE`), validated with
 * zod: the same fields as a preset in data/thrusters.json, engine units in the names. Either a
 * complete thruster (maxInputPowerW, ispS and efficiency or thrustN) or `preset` plus the fields
 * to change. Errors name the file and the field: `my.json: ispS: expected a number > 0, got -3`.
 */
import { z } from 'zod';
import { InputError, ProspectorError } from '../errors.js';
import type { ThrusterModel, ThrusterSpec } from './index.js';
import { resolveThruster } from './thrusters.js';

const positive = z.number().finite().positive();

export const thrusterFileSchema = z
  .object({
    preset: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    type: z.enum(['gridded-ion', 'hall', 'other']).optional(),
    /** Largest input power one string (thruster + PPU) processes, W. */
    maxInputPowerW: positive.optional(),
    /** Lowest input power the thruster runs at, W (default 20 % of the maximum). */
    minInputPowerW: positive.optional(),
    ispS: positive.optional(),
    efficiency: z.number().finite().positive().max(1).optional(),
    /** Thrust at maxInputPowerW, N. */
    thrustN: positive.optional(),
    massKg: z.number().finite().nonnegative().nullable().optional(),
    /** Where the figures come from (printed beside them). */
    source: z.string().min(1).optional(),
  })
  .strict();

export type ThrusterFileDoc = z.infer<typeof thrusterFileSchema>;

function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const input = (issue as { input?: unknown }).input;
  let what: string;
  if (issue.code === 'unrecognized_keys') {
    what = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected preset, id, name, type, maxInputPowerW, minInputPowerW, ispS, efficiency, thrustN, massKg, source)`;
  } else if (issue.code === 'invalid_type') {
    what = `expected ${issue.expected}, got ${input === undefined ? 'nothing' : input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'an object' : JSON.stringify(input)}`;
  } else if (issue.code === 'invalid_value') {
    what = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(input)}`;
  } else {
    what = `${issue.message}${input !== undefined ? `, got ${JSON.stringify(input)}` : ''}`;
  }
  return path ? `${path}: ${what}` : what;
}

/** Validates a parsed document; `source` names the file in every message. */
export function thrusterSpecFromDoc(doc: unknown, source: string): ThrusterSpec {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`${source}: expected one JSON object describing a thruster (maxInputPowerW, ispS, efficiency or thrustN, …)`, source);
  }
  const r = thrusterFileSchema.safeParse(doc, { reportInput: true });
  if (!r.success) {
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})` : '';
    throw new InputError(`${source}: ${issueText(r.error.issues[0])}${more}`, source);
  }
  const d = r.data;
  if (!d.preset) {
    const missing = (['maxInputPowerW', 'ispS'] as const).filter((k) => d[k] === undefined);
    if (missing.length) throw new InputError(`${source}: ${missing[0]}: required for a thruster without "preset"`, source);
    if (d.efficiency === undefined && d.thrustN === undefined) {
      throw new InputError(`${source}: efficiency or thrustN: one is required (T = 2ηP/(g0·Isp) gives the other)`, source);
    }
  }
  const { preset, ...rest } = d;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (preset) return { preset, ...fields } as ThrusterSpec;
  return { source: `user file ${source}`, ...fields } as ThrusterSpec;
}

/** Parses and checks the text of a thruster file into a ThrusterModel. */
export function thrusterFromJsonText(text: string, source: string): ThrusterModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${source}: invalid JSON (${(err as Error).message})`, source);
  }
  return resolveSpecForFile(thrusterSpecFromDoc(doc, source), source);
}

/** resolveThruster with its field names re-labelled as this file's fields. */
export function resolveSpecForFile(spec: ThrusterSpec, source: string): ThrusterModel {
  try {
    return resolveThruster(spec, 'thruster');
  } catch (err) {
    if (err instanceof ProspectorError && err.code !== 'NO_SOLUTION') {
      // "thruster.ispS: …" → "ispS: …", "thruster: …" → "…".
      const msg = err.message.replace(/^thruster\.?/, '').replace(/^:\s*/, '');
      throw new InputError(`${source}: ${msg}`, source);
    }
    throw err;
  }
}
