// Mission: spacecraft, refinery and capsule parameters edited in place (units accepted and
// checked as typed), and the plan's results following each change: cargo, yield per element
// with P10/P50/P90 bars, capsules and entry, NPV. Planning runs off the render path; Esc stops it.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import type { Plan, Band } from '../../../src/scenario/plan-types.js';
import { useStateRef, useViewKeys } from '../hooks.js';
import { editLine, type LineEdit } from '../line-edit.js';
import { getPath, type Session } from '../session.js';
import { cell, fmt, fmtMass, fmtUsd, sig } from '../text.js';
import { Unavailable } from '../components.js';

export const MISSION_KEYS = '↑↓ field  ⏎ edit  Esc cancel  p full plan  k keep  e export';
export const MISSION_HELP: Array<[string, string]> = [
  ['↑ ↓', 'choose a parameter'],
  ['Enter', 'edit it: units welcome ("40 kW", "3000 s", "20 m"); Enter applies, Esc leaves it'],
  ['a/b/c', 'typed as a value: P10/P50/P90 of an uncertain input (e.g. 0.4/0.5/0.6)'],
  ['Esc', 'cancel the plan that is running (the last finished numbers stay)'],
  ['p', "plan now with the scenario's own sample count (edits re-plan with 200 samples)"],
];

export interface FieldDef {
  path: string[];
  label: string;
  /** Engine unit the value is converted to (mathjs name); '1' for a plain number. */
  unit: string;
  /** What the quantity is, for messages: "power", "mass", "a fraction". */
  dimension: string;
  example: string;
  kind: 'quantity' | 'fraction' | 'choice' | 'count' | 'text';
  choices?: readonly string[];
  /** Allows P10/P50/P90 triples. */
  uncertain?: boolean;
}

export const FIELDS: Array<{ group: string; fields: FieldDef[] }> = [
  {
    group: 'Spacecraft',
    fields: [
      { path: ['spacecraft', 'power'], label: 'power @1 AU', unit: 'W', dimension: 'power', example: '40 kW', kind: 'quantity' },
      { path: ['spacecraft', 'dryMass'], label: 'dry mass', unit: 'kg', dimension: 'mass', example: '3000 kg', kind: 'quantity' },
      { path: ['spacecraft', 'isp'], label: 'Isp', unit: 's', dimension: 'time (Isp)', example: '3000 s', kind: 'quantity' },
      { path: ['spacecraft', 'thrusters'], label: 'thrusters', unit: '1', dimension: 'count', example: '4', kind: 'count' },
      { path: ['spacecraft', 'thrusterPreset'], label: 'thruster', unit: '', dimension: 'preset', example: 'nstar', kind: 'text' },
    ],
  },
  {
    group: 'Refinery',
    fields: [
      { path: ['refinery', 'concentratorDiameter'], label: 'concentrator Ø', unit: 'm', dimension: 'length', example: '20 m', kind: 'quantity' },
      { path: ['refinery', 'captureEfficiency'], label: 'capture eff.', unit: '1', dimension: 'fraction', example: '0.5', kind: 'fraction', uncertain: true },
      { path: ['refinery', 'dutyCycle'], label: 'duty cycle', unit: '1', dimension: 'fraction', example: '0.5', kind: 'fraction', uncertain: true },
      { path: ['refinery', 'route'], label: 'route', unit: '', dimension: 'route', example: 'melt-metal', kind: 'choice', choices: ['water', 'melt-metal', 'vaporise-metal', 'melt-silicate'] },
      { path: ['window', 'minStayDays'], label: 'min stay', unit: 'day', dimension: 'duration', example: '365 d', kind: 'quantity' },
    ],
  },
  {
    group: 'Capsules',
    fields: [
      { path: ['capsules', 'preset'], label: 'design', unit: '', dimension: 'preset', example: 'stardust', kind: 'text' },
      { path: ['capsules', 'payloadFraction'], label: 'payload frac.', unit: '1', dimension: 'fraction', example: '0.3', kind: 'fraction', uncertain: true },
    ],
  },
];
const FLAT = FIELDS.flatMap((g) => g.fields);

/** Shows a raw scenario value as the user would type it. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '(default)';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ('p10' in o && 'p50' in o && 'p90' in o) return `${o.p10}/${o.p50}/${o.p90}`;
    if ('min' in o && 'mode' in o && 'max' in o) return `${o.min}‥${o.mode}‥${o.max}`;
  }
  return JSON.stringify(v);
}

/**
 * Checks a typed value for a field and converts it to what the scenario file would hold.
 * Returns the value, or a message naming the field and what was expected.
 */
export async function parseFieldInput(f: FieldDef, text: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const t = text.trim();
  const name = f.label;
  if (t === '') return { ok: true, value: undefined };
  if (f.kind === 'choice') {
    return f.choices!.includes(t) ? { ok: true, value: t } : { ok: false, message: `${name}: '${t}' is not one of ${f.choices!.join(', ')}` };
  }
  if (f.kind === 'text') return { ok: true, value: t };
  const parts = f.uncertain && t.includes('/') ? t.split('/').map((s) => s.trim()) : [t];
  if (parts.length !== 1 && parts.length !== 3) return { ok: false, message: `${name}: '${t}' — give one value or P10/P50/P90 (e.g. 0.4/0.5/0.6)` };
  const values: unknown[] = [];
  for (const p of parts) {
    const r = await parseOne(f, p);
    if (!r.ok) return r;
    values.push(r.value);
  }
  if (values.length === 3) {
    const [a, b, c] = values as number[];
    if (!(a <= b && b <= c)) return { ok: false, message: `${name}: P10 ≤ P50 ≤ P90 expected, got ${t}` };
    return { ok: true, value: { p10: a, p50: b, p90: c } };
  }
  return { ok: true, value: values[0] };
}

async function parseOne(f: FieldDef, t: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const name = f.label;
  const bare = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t);
  if (f.kind === 'fraction' || f.kind === 'count') {
    const pct = f.kind === 'fraction' && /%$/.test(t) ? Number(t.slice(0, -1)) / 100 : NaN;
    const x = bare ? Number(t) : pct;
    if (!Number.isFinite(x)) return { ok: false, message: `${name}: '${t}' is not ${f.kind === 'count' ? 'a whole number' : 'a fraction (0–1 or a percentage)'}` };
    if (f.kind === 'count' && !(Number.isInteger(x) && x >= 1)) return { ok: false, message: `${name}: '${t}' is not a whole number ≥ 1` };
    if (f.kind === 'fraction' && !(x > 0 && x <= 1)) return { ok: false, message: `${name}: '${t}' is outside (0, 1]` };
    return { ok: true, value: x };
  }
  // A quantity: bare numbers are in the field's unit; anything else goes through mathjs.
  let si: number;
  try {
    const { convertQuantity } = await import('../plan-runner.js');
    si = await convertQuantity(t, f.unit, name);
  } catch (err) {
    const m = (err as Error).message;
    if (/wrong dimension/.test(m)) return { ok: false, message: `${name}: '${t}' is not a ${f.dimension} (expected e.g. "${f.example}")` };
    return { ok: false, message: `${name}: cannot read '${t}' as a ${f.dimension} (expected e.g. "${f.example}")` };
  }
  if (!(si > 0)) return { ok: false, message: `${name}: '${t}' must be positive` };
  return { ok: true, value: bare ? Number(t) : t };
}

interface Props {
  session: Session;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

export function MissionView({ session, width, height, setCapture, setStatus }: Props) {
  const [sel, setSel, selRef] = useStateRef(0);
  const [edit, setEdit, editRef] = useStateRef<LineEdit | null>(null);
  const [fieldError, setFieldError] = useState<{ index: number; message: string } | null>(null);
  const sc = session.scenario;

  useViewKeys((input, key) => {
    const e = editRef.current;
    const f = FLAT[selRef.current];
    if (e) {
      const r = editLine(e, input, key);
      if (r.kind === 'edit') setEdit(r.line);
      else if (r.kind === 'cancel') {
        setEdit(null);
        setCapture(false);
      } else if (r.kind === 'submit') {
        const index = selRef.current;
        setEdit(null);
        setCapture(false);
        void parseFieldInput(f, r.line.text).then((res) => {
          if (!res.ok) {
            setFieldError({ index, message: res.message });
            setStatus(res.message, 'error');
            return;
          }
          setFieldError(null);
          session.setField(f.path, res.value);
          setStatus(`${f.label} set to ${showValue(res.value)}.`, 'info');
        });
      }
      return;
    }
    if (key.upArrow) setSel((s) => Math.max(0, s - 1));
    else if (key.downArrow) setSel((s) => Math.min(FLAT.length - 1, s + 1));
    else if (key.return) {
      if (sc.status !== 'ready') return;
      const cur = getPath(sc.doc, f.path);
      const text = cur === undefined ? '' : showValue(cur).replace(/‥/g, '/');
      setEdit({ text, cursor: text.length });
      setCapture(true);
    } else if (key.escape) {
      if (session.plan.status === 'running') session.cancel();
    } else if (input === 'p') session.replan();
  });

  if (sc.status === 'loading') return <Text>Loading the scenario…</Text>;
  if (sc.status === 'none') return <Unavailable what="Mission planning" reason={`No scenario: ${sc.reason}. Start with \`prospector tui FILE\` (\`prospector init\` writes one).`} />;

  const leftW = Math.min(40, Math.floor(width * 0.48));
  const rightW = width - leftW - 1;
  const rows: React.ReactNode[] = [];
  let selRow = 0;
  let i = 0;
  for (const g of FIELDS) {
    rows.push(
      <Text key={g.group} bold wrap="truncate">
        {g.group}
      </Text>,
    );
    for (const f of g.fields) {
      const idx = i++;
      const isSel = idx === sel;
      const raw = getPath(sc.doc, f.path);
      const value = isSel && edit ? edit.text.slice(0, edit.cursor) + '▏' + edit.text.slice(edit.cursor) : showValue(raw);
      const bad = fieldError?.index === idx;
      if (isSel) selRow = rows.length;
      rows.push(
        <Text key={f.path.join('.')} inverse={isSel && !edit} color={isSel && edit ? 'cyan' : bad ? 'red' : undefined} wrap="truncate">
          {cell(` ${f.label}`, 16)}
          {cell(value, leftW - 16)}
        </Text>,
      );
    }
  }
  const planErr = session.plan.status === 'error' ? session.plan.message : null;
  const msg = fieldError?.message ?? planErr;
  // On a short terminal the list scrolls so that the selected field stays in view.
  const msgLines = msg ? Math.ceil(msg.length / leftW) : 0;
  const room = Math.max(3, height - 1 - msgLines);
  const first = rows.length <= room ? 0 : Math.max(0, Math.min(rows.length - room, selRow - Math.floor(room / 2)));
  const shownRows = rows.slice(first, first + room);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate" dimColor>
        {cell(`Scenario: ${sc.name}${sc.path ? ` (${sc.path.split('/').pop()})` : ''}`, width)}
      </Text>
      <Box flexDirection="row">
        <Box flexDirection="column" width={leftW} overflow="hidden">
          {shownRows}
          {msg ? (
            <Text color="red" wrap="wrap">
              {msg}
            </Text>
          ) : null}
        </Box>
        <Box width={1} />
        <Results session={session} width={rightW} height={height - 1} />
      </Box>
    </Box>
  );
}

/** A P10–P90 range with the P50 mark, scaled to `max`. */
export function bandBar(b: Band, max: number, width: number): string {
  if (!(max > 0)) return ' '.repeat(width);
  const pos = (x: number) => Math.max(0, Math.min(width - 1, Math.round((x / max) * (width - 1))));
  const a = pos(b.p10);
  const m = pos(b.p50);
  const c = pos(b.p90);
  let s = '';
  for (let k = 0; k < width; k++) s += k === m ? '█' : k >= a && k <= c ? '━' : '·';
  return s;
}

function Results({ session, width, height }: { session: Session; width: number; height: number }) {
  const st = session.plan;
  let plan: Plan | null = null;
  let head: React.ReactNode;
  if (st.status === 'done') {
    plan = st.plan as Plan;
    head = <Text color="green" wrap="truncate">{`Plan: ${st.samples} samples, ${(st.ms / 1000).toFixed(1)} s`}</Text>;
  } else if (st.status === 'running') {
    plan = (st.previous as Plan | undefined) ?? null;
    const p = st.progress;
    const frac = p && p.total > 0 ? p.done / p.total : 0;
    head = <Text color="cyan" wrap="truncate">{`Planning ${p ? `${p.done}/${p.total}` : '…'} ${'█'.repeat(Math.round(frac * 10)).padEnd(10, '░')} Esc stops`}</Text>;
  } else if (st.status === 'cancelled') {
    plan = (st.previous as Plan | undefined) ?? null;
    head = <Text color="yellow" wrap="truncate">Plan cancelled{plan ? ': last finished numbers shown' : ''} (p plans again)</Text>;
  } else if (st.status === 'error') {
    plan = (st.previous as Plan | undefined) ?? null;
    head = <Text color="red" wrap="truncate">No plan: see the message{plan ? '; last good numbers dimmed' : ''}</Text>;
  } else if (st.status === 'unavailable') {
    return (
      <Box width={width} flexDirection="column">
        <Unavailable what="Planning" reason={st.reason} />
      </Box>
    );
  } else head = <Text dimColor>Waiting for the first plan…</Text>;
  const stale = st.status !== 'done';
  const lines = plan ? resultLines(plan, width) : [];
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {head}
      {lines.slice(0, height - 1).map((l, k) => (
        <Text key={k} bold={l.bold} color={l.color} dimColor={stale || l.dim} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}

interface Line {
  text: string;
  bold?: boolean;
  dim?: boolean;
  color?: string;
}

export function resultLines(p: Plan, width: number): Line[] {
  const out: Line[] = [];
  const t = p.trajectory;
  if (t.modelled) out.push({ text: `Trip ${t.launch} ${Math.round(t.totalDays)} d (stay ${Math.round(t.stayDays)}) Δv ${fmt(t.dvTotalKmS, 2)} km/s` });
  else out.push({ text: `Trip: ${t.reason}`, color: 'yellow' });
  const pr = p.propulsion;
  if (pr.modelled) {
    out.push({
      text: `SEP ${sig(pr.powerW / 1000, 3)} kW ${fmt(pr.thrustN, 2)} N: prop ${fmtMass(pr.propellantKg)}, ${pr.feasible ? 'feasible' : `INFEASIBLE: ${pr.binding ?? ''}`}`,
      color: pr.feasible ? undefined : 'red',
    });
  } else out.push({ text: `Propulsion: ${pr.reason}`, color: 'yellow' });
  const d = p.delivered;
  const db = p.uncertainty.bands.deliveredKg;
  if (d.modelled) {
    out.push({ text: `Cargo refined ${fmtMass(d.refinedKg)} → ${d.destination} ${fmtMass(d.deliveredKg)}`, bold: true });
    if (db) out.push({ text: `  delivered P10 ${fmtMass(db.p10)} P50 ${fmtMass(db.p50)} P90 ${fmtMass(db.p90)}` });
  } else out.push({ text: `Cargo: ${d.reason}`, color: 'yellow' });
  const yb = p.uncertainty.bands.yieldKg;
  if (yb.length > 0) {
    out.push({ text: 'Yield          P10 ━ P50 █ P90', bold: true });
    const barW = Math.max(6, width - 26);
    for (const y of yb) {
      out.push({ text: `${cell(y.element, 3)} ${bandBar(y.band, y.band.p90, barW)} ${cell(fmtMass(y.band.p50), 8, 'right')} ±${pctSpread(y.band)}` });
    }
  } else if (p.refining.modelled) {
    for (const pr2 of p.refining.products) out.push({ text: `${cell(pr2.element, 3)} ${fmtMass(pr2.yieldKg)}` });
  } else out.push({ text: `Refining: ${p.refining.reason}`, color: 'yellow' });
  const c = p.capsules;
  if (c.modelled) {
    const cb = p.uncertainty.bands.capsules;
    out.push({ text: `Capsules ${c.count} × ${fmtMass(c.capsuleMassKg)} (${c.design})${cb ? ` P10–P90 ${Math.round(cb.p10)}–${Math.round(cb.p90)}` : ''}` });
    if (c.entry) out.push({ text: `  entry ${fmt(c.entry.speedKmS, 1)} km/s: ${fmt(c.entry.peakDecelG, 0)} g, ${fmt(c.entry.peakHeatFluxWCm2, 0)} W/cm², ${fmt(c.entry.heatLoadJCm2 / 1000, 1)} kJ/cm²` });
  } else out.push({ text: `Capsules: ${c.reason}`, color: 'yellow' });
  const e = p.economics;
  const nb = p.uncertainty.bands.npvUsd;
  if (e.modelled) {
    out.push({ text: `NPV ${fmtUsd(e.npvUsd)}${nb ? ` (P10 ${fmtUsd(nb.p10)} P90 ${fmtUsd(nb.p90)})` : ''}`, bold: true, color: e.npvUsd >= 0 ? 'green' : 'red' });
    out.push({ text: `  cost ${fmtUsd(e.costUsd)} revenue ${fmtUsd(e.revenueUsd)} IRR ${e.irr === null ? '—' : `${sig(e.irr * 100, 2)} %`}` });
  } else out.push({ text: `Economics: ${e.reason}`, color: 'yellow' });
  if (p.warnings.length > 0) out.push({ text: `! ${p.warnings.length} warning${p.warnings.length > 1 ? 's' : ''}: ${p.warnings[0]}`, color: 'yellow' });
  return out;
}

function pctSpread(b: Band): string {
  if (!(b.p50 > 0)) return '—';
  return `${Math.round(((b.p90 - b.p10) / 2 / b.p50) * 100)}%`;
}
