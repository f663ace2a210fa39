// Mission: spacecraft, refinery and capsule parameters edited in place (units, uncertainty
// triples and preset choices checked as typed), and the plan's results following each change:
// trip, propulsion, cargo, yield per element with P10/P50/P90, capsules and entry, NPV.
// Planning runs off the render path; Esc stops it.
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { Plan, Band } from '../../../src/scenario/plan-types.js';
import { usePersistentState, useStateRef, useTheme, useViewKeys } from '../hooks.js';
import { editLine, type LineEdit } from '../line-edit.js';
import { getPath, type Session } from '../session.js';
import { cell, fmt, fmtMass, fmtUsd, sig, wrapText } from '../text.js';
import { Unavailable, scrollKey } from '../components.js';
import { skewedInputs } from '../../format/plan-report.js';
import { FIELDS, FLAT_FIELDS, editText, parseFieldInput, sameValue, showValue, type ChoiceSource, type FieldDef } from '../fields.js';

export { FIELDS, showValue, parseFieldInput } from '../fields.js';

export const MISSION_KEYS = '↑↓ field  ⏎ edit  PgUp/Dn results  p full plan';
export const MISSION_HELP: Array<[string, string]> = [
  ['↑ ↓', 'choose a parameter'],
  ['Enter', 'edit it: units welcome ("40 kW", "3000 s", "20 m"); Enter applies, Esc leaves it as it was'],
  ['a/b/c', 'an uncertain input as percentiles P10/P50/P90 (e.g. 0.4/0.5/0.6)'],
  ['a..b..c', 'an uncertain input as a triangular min..mode..max (e.g. 2900..3000..3600 kg: a unit at the end applies to all three); the form you give is kept'],
  ['← → (in a choice)', 'previous / next preset of the thruster, route or capsule design; a letter jumps to the next preset starting with it; Enter applies'],
  ['PgUp PgDn', 'scroll the results'],
  ['Esc', 'cancel the plan that is running (the last finished numbers stay)'],
  ['p', 'plan now with the full sample count (as `prospector plan`); edits re-plan with 200 samples'],
  ['(results)', 'base case = one run with every input at its central value (the mode of min..mode..max, the P50 of a/b/c); P10/P50/P90 = the Monte Carlo samples. The element rows under "delivered" are delivered mass per element; what the refinery makes beyond that is on the "refined, more than comes home" line'],
];

type Edit = { kind: 'text'; line: LineEdit; start: string } | { kind: 'choice'; index: number; choices: readonly string[] };
type Choices = Partial<Record<ChoiceSource, { ok: true; list: string[] } | { ok: false; reason: string }>>;

/** Preset lists from the engine: thruster ids (propulsion) and heritage capsules (reentry). */
function useChoices(session: Session): Choices {
  const [choices, setChoices] = useState<Choices>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Choices = {};
      const prop = await session.engine('propulsion');
      if (!prop.ok) out.thrusters = { ok: false, reason: prop.reason };
      else if (typeof prop.value.thrusterPresets !== 'function') out.thrusters = { ok: false, reason: 'the propulsion module does not provide thrusterPresets yet' };
      else {
        try {
          out.thrusters = { ok: true, list: (prop.value.thrusterPresets as () => Array<{ id: string }>)().map((t) => t.id) };
        } catch (err) {
          out.thrusters = { ok: false, reason: (err as Error).message };
        }
      }
      const re = await session.engine('reentry');
      if (!re.ok) out.capsules = { ok: false, reason: re.reason };
      else if (typeof re.value.capsulePresetIds !== 'function') out.capsules = { ok: false, reason: 'the reentry module does not provide capsulePresetIds yet' };
      else {
        try {
          out.capsules = { ok: true, list: (re.value.capsulePresetIds as () => string[])() };
        } catch (err) {
          out.capsules = { ok: false, reason: (err as Error).message };
        }
      }
      if (live) setChoices(out);
    })();
    return () => {
      live = false;
    };
  }, [session.engine]);
  return choices;
}

function choicesFor(f: FieldDef, choices: Choices): { ok: true; list: readonly string[] } | { ok: false; reason: string } {
  if (f.choices) return { ok: true, list: f.choices };
  if (!f.choicesFrom) return { ok: false, reason: 'no choices' };
  return choices[f.choicesFrom] ?? { ok: false, reason: 'the preset list is still loading' };
}

interface Props {
  session: Session;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

export function MissionView({ session, width, height, setCapture, setStatus }: Props) {
  const { c } = useTheme();
  const [sel, setSel, selRef] = usePersistentState('mission.sel', 0);
  const [scroll, setScroll, scrollRef] = usePersistentState('mission.scroll', 0);
  const [edit, setEdit, editRef] = useStateRef<Edit | null>(null);
  const [fieldError, setFieldError] = usePersistentState<{ index: number; message: string } | null>('mission.error', null);
  const choices = useChoices(session);
  const sc = session.scenario;

  const leftW = Math.min(40, Math.floor(width * 0.48));
  const rightW = width - leftW - 1;
  const resultsRoom = Math.max(1, height - 1);
  const planForLines = session.plan.status === 'done' ? (session.plan.plan as Plan) : 'previous' in session.plan ? ((session.plan.previous as Plan | undefined) ?? null) : null;
  const lines = planForLines ? resultLines(planForLines, rightW) : [];

  const apply = (f: FieldDef, value: unknown) => {
    const current = sc.status === 'ready' ? getPath(sc.doc, f.path) : undefined;
    setFieldError(null);
    if (sameValue(value, current)) {
      setStatus(`${f.label} unchanged (${showValue(current)}).`, 'info');
      return;
    }
    session.setField(f.path, value);
    setStatus(`${f.label} set to ${showValue(value)}; re-planning.`, 'ok');
  };

  useViewKeys((input, key) => {
    const e = editRef.current;
    const index = selRef.current;
    const f = FLAT_FIELDS[index];
    if (e?.kind === 'choice') {
      const n = e.choices.length;
      if (key.escape) {
        setEdit(null);
        setCapture(false);
      } else if (key.leftArrow || key.upArrow) setEdit({ ...e, index: (e.index + n - 1) % n });
      else if (key.rightArrow || key.downArrow || key.tab) setEdit({ ...e, index: (e.index + 1) % n });
      else if (key.return) {
        setEdit(null);
        setCapture(false);
        apply(f, e.choices[e.index]);
      } else if (input && /^[a-z0-9]$/i.test(input)) {
        // A letter jumps to the next preset starting with it.
        for (let k = 1; k <= n; k++) {
          const j = (e.index + k) % n;
          if (e.choices[j].toLowerCase().startsWith(input.toLowerCase())) {
            setEdit({ ...e, index: j });
            break;
          }
        }
      }
      return;
    }
    if (e?.kind === 'text') {
      const r = editLine(e.line, input, key);
      if (r.kind === 'edit') setEdit({ ...e, line: r.line });
      else if (r.kind === 'cancel') {
        setEdit(null);
        setCapture(false);
      } else if (r.kind === 'submit') {
        setEdit(null);
        setCapture(false);
        if (r.line.text.trim() === e.start.trim()) {
          setFieldError(null);
          setStatus(`${f.label} unchanged.`, 'info');
          return;
        }
        void (async () => {
          const { convertQuantity } = await import('../plan-runner.js');
          const res = await parseFieldInput(f, r.line.text, convertQuantity);
          if (!res.ok) {
            setFieldError({ index, message: res.message });
            setStatus(res.message, 'error');
            return;
          }
          apply(f, res.value);
        })();
      }
      return;
    }
    const sk = key.pageUp || key.pageDown ? scrollKey(key, '', scrollRef.current, lines.length, resultsRoom) : null;
    if (sk !== null) setScroll(sk);
    else if (key.upArrow) setSel((s) => Math.max(0, s - 1));
    else if (key.downArrow) setSel((s) => Math.min(FLAT_FIELDS.length - 1, s + 1));
    else if (key.return) {
      if (sc.status !== 'ready') return;
      const cur = getPath(sc.doc, f.path);
      if (f.kind === 'choice') {
        const ch = choicesFor(f, choices);
        if (!ch.ok) {
          setStatus(`${f.label}: the presets are not available (${ch.reason}).`, 'error');
          return;
        }
        const at = ch.list.findIndex((x) => x.toLowerCase() === String(cur ?? '').toLowerCase());
        setEdit({ kind: 'choice', index: Math.max(0, at), choices: ch.list });
      } else {
        const text = editText(cur);
        setEdit({ kind: 'text', line: { text, cursor: text.length }, start: text });
      }
      setCapture(true);
    } else if (key.escape) {
      if (session.plan.status === 'running') session.cancel();
    } else if (input === 'p') session.replan();
  });

  if (sc.status === 'loading') return <Text>Loading the scenario…</Text>;
  if (sc.status === 'none') return <Unavailable what="Mission planning" reason={`No scenario: ${sc.reason}. Start with \`prospector tui FILE\` (\`prospector init\` writes one).`} />;

  const rows: React.ReactNode[] = [];
  let selRow = 0;
  let i = 0;
  const valueW = Math.max(4, leftW - 16);
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
      let value = showValue(raw);
      if (isSel && edit?.kind === 'text') {
        // Keep the cursor in view when the text is longer than the box.
        const t = edit.line.text.slice(0, edit.line.cursor) + '▏' + edit.line.text.slice(edit.line.cursor);
        if (t.length <= valueW) value = t;
        else {
          const end = Math.min(t.length, Math.max(valueW - 1, edit.line.cursor + 2));
          value = '…' + t.slice(end - (valueW - 1), end);
        }
      } else if (isSel && edit?.kind === 'choice') value = `◂ ${edit.choices[edit.index]} ▸ ${edit.index + 1}/${edit.choices.length}`;
      const bad = fieldError?.index === idx;
      if (isSel) selRow = rows.length;
      rows.push(
        <Text key={f.path.join('.')} inverse={isSel && !edit} bold={isSel} color={c(isSel && edit ? 'cyan' : bad ? 'red' : undefined)} wrap="truncate">
          {isSel ? '>' : bad ? '!' : ' '}
          {cell(f.label, 14)} {cell(value, valueW)}
        </Text>,
      );
    }
  }
  const selField = FLAT_FIELDS[sel];
  const planErr = session.plan.status === 'error' ? session.plan.message : null;
  const hint = edit
    ? edit.kind === 'choice'
      ? '←→ preset · Enter applies · Esc keeps'
      : `${selField.uncertain ? 'one value, a/b/c (P10/P50/P90) or a..b..c (min..mode..max)' : 'one value'}; e.g. ${selField.example}${selField.range ? `; plausible ${selField.range.text}` : ''}`
    : null;
  const msg = hint ?? fieldError?.message ?? planErr;
  const msgLines = msg ? wrapText(msg, leftW) : [];
  // On a short terminal the list scrolls so that the selected field stays in view.
  const room = Math.max(3, height - 1 - msgLines.length);
  const first = rows.length <= room ? 0 : Math.max(0, Math.min(rows.length - room, selRow - Math.floor(room / 2)));
  const shownRows = rows.slice(first, first + room);
  const head = planHead(session, lines.length > 0);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Box flexDirection="row" height={1}>
        <Text wrap="truncate" dimColor>
          {cell(`Scenario: ${sc.name}${sc.path ? ` (${sc.path.split('/').pop()})` : ''}`, leftW)}
        </Text>
        <Box width={1} />
        <Text color={c(head.color)} wrap="truncate">
          {cell((scroll > 0 && lines.length > resultsRoom ? '↑ PgUp · ' : '') + head.text, rightW)}
        </Text>
      </Box>
      <Box flexDirection="row">
        <Box flexDirection="column" width={leftW} overflow="hidden">
          {shownRows}
          {msgLines.map((l, k) => (
            <Text key={`m${k}`} color={c(hint ? 'cyan' : 'red')} dimColor={!!hint} wrap="truncate">
              {l}
            </Text>
          ))}
        </Box>
        <Box width={1} />
        <Results session={session} lines={lines} width={rightW} height={height - 1} scroll={scroll} />
      </Box>
    </Box>
  );
}

/**
 * What "base case" means, in one line, and why it sits off the P50 when it does (the central
 * inputs are modes: a prior-sized body's mass mode lies far below its median).
 */
export function baseCaseLine(p: Plan): string | null {
  const d = p.delivered;
  if (!d.modelled || p.uncertainty.samples === 0) return null;
  // Said only when it needs saying (the ? help explains the base case in full): rows are scarce.
  const b = d.band;
  if (!b || !(b.p50 > 0) || Math.abs(d.deliveredKg - b.p50) <= 0.2 * b.p50) return null;
  const skewed = skewedInputs(p);
  return `base case = central inputs (modes), ${d.deliveredKg < b.p50 ? 'below' : 'above'} the P50${skewed.length > 0 ? `: ${skewed[0]} is skewed (mode far from its median)` : ''}`;
}

/** A P10–P90 range with the P50 mark, scaled to `max` (one scale for every element). */
export function bandBar(b: Band, max: number, width: number): string {
  if (!(max > 0) || width <= 0) return ' '.repeat(Math.max(0, width));
  const pos = (x: number) => Math.max(0, Math.min(width - 1, Math.round((x / max) * (width - 1))));
  const a = pos(b.p10);
  const m = pos(b.p50);
  const c = pos(b.p90);
  let s = '';
  for (let k = 0; k < width; k++) s += k === m ? '█' : k >= a && k <= c ? '━' : '·';
  return s;
}

/** The plan's state in one line: samples (live or full), running progress, cancelled, failed. */
function planHead(session: Session, haveNumbers: boolean): { text: string; color?: string } {
  const st = session.plan;
  if (st.status === 'done') {
    const live = st.samples < st.fullSamples ? `, live (p: ${st.fullSamples})` : '';
    return { text: `Plan: ${st.samples} samples${live}, ${(st.ms / 1000).toFixed(1)} s`, color: 'green' };
  }
  if (st.status === 'running') {
    const p = st.progress;
    const frac = p && p.total > 0 ? p.done / p.total : 0;
    return { text: `Planning ${p ? `${p.done}/${p.total}` : '…'} ${'█'.repeat(Math.round(frac * 10)).padEnd(10, '░')} Esc stops`, color: 'cyan' };
  }
  if (st.status === 'cancelled') return { text: `Plan cancelled${haveNumbers ? ': last numbers shown' : ''} (p plans)`, color: 'yellow' };
  if (st.status === 'error') return { text: `No plan (see the message)${haveNumbers ? '; last numbers dimmed' : ''}`, color: 'red' };
  if (st.status === 'unavailable') return { text: 'Planning is not available', color: 'yellow' };
  return { text: 'Waiting for the first plan…' };
}

function Results({ session, lines, width, height, scroll }: { session: Session; lines: Line[]; width: number; height: number; scroll: number }) {
  const { c } = useTheme();
  const st = session.plan;
  if (st.status === 'unavailable') {
    return (
      <Box width={width} flexDirection="column">
        <Unavailable what="Planning" reason={st.reason} />
      </Box>
    );
  }
  const stale = st.status !== 'done';
  const room = Math.max(1, height);
  const first = Math.max(0, Math.min(scroll, Math.max(0, lines.length - room)));
  const shown = lines.slice(first, first + room);
  const below = lines.length - first - shown.length;
  if (below > 0 && shown.length > 0) shown[shown.length - 1] = { text: `↓ ${below + 1} more lines (PgDn)`, dim: true };
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((l, k) => (
        <Text key={k} bold={l.bold} color={c(l.color)} dimColor={stale || l.dim} wrap="truncate">
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

/**
 * The plan as lines for a `width`-column pane, wrapped (never cut). Headline figures are the
 * base case (the deterministic run, as `prospector plan` reports them) and say so; bands are
 * P10/P50/P90 of the Monte Carlo samples, yield bars all on one scale.
 */
export function resultLines(p: Plan, width: number): Line[] {
  const out: Line[] = [];
  const push = (text: string, extra: Omit<Line, 'text'> = {}) => out.push(...wrapText(text, width, '  ').map((t) => ({ text: t, ...extra })));
  const t = p.trajectory;
  if (t.modelled) push(`Trip ${t.launch.slice(0, 10)} ${Math.round(t.totalDays)} d (stay ${Math.round(t.stayDays)}) Δv ${fmt(t.dvTotalKmS, 2)}`);
  else push(`Trip: ${t.reason}`, { color: 'yellow' });
  const pr = p.propulsion;
  if (pr.modelled) {
    push(`SEP ${sig(pr.powerW / 1000, 3)} kW ${fmt(pr.thrustN, 2)} N, prop ${fmtMass(pr.propellantKg)}: ${pr.feasible ? 'feasible' : `INFEASIBLE (${pr.binding ?? '?'})`}`, { color: pr.feasible ? undefined : 'red' });
  } else push(`Propulsion: ${pr.reason}`, { color: 'yellow' });
  const d = p.delivered;
  if (d.modelled) {
    push(`Base case: ${fmtMass(d.refinedKg)} refined, ${fmtMass(d.deliveredKg)} ${d.destination === 'earth' ? 'home' : 'to orbit'}`, { bold: true });
    const note = baseCaseLine(p);
    if (note) push(note, { dim: true });
  } else push(`Cargo: ${d.reason}`, { color: 'yellow' });

  // P10/P50/P90 columns; a bar in front when there is room.
  const numW = 7;
  const barW = width - 4 - 3 * (numW + 1);
  const withBar = barW >= 5;
  const labelW = withBar ? 4 + barW : Math.max(4, width - 3 * (numW + 1));
  const nums = (b: Band) => ` ${cell(fmtMass(b.p10), numW, 'right')} ${cell(fmtMass(b.p50), numW, 'right')} ${cell(fmtMass(b.p90), numW, 'right')}`;
  const db = p.uncertainty.bands.deliveredKg;
  const yb = p.uncertainty.bands.yieldKg;
  if (db || yb.length > 0) {
    out.push({ text: `${cell(withBar ? 'kg   P10━P50█P90' : '', labelW)} ${cell('P10', numW, 'right')} ${cell('P50', numW, 'right')} ${cell('P90', numW, 'right')}`, dim: true });
  }
  if (db) out.push({ text: `${cell('delivered', labelW)}${nums(db)}` });
  // The rows under "delivered" are what comes home per element; what the refinery makes can be
  // more (cargo left behind), and then has a line of its own below.
  const delivered = d.modelled ? d.byElement.filter((x): x is { element: string; kg: number; band: Band } => x.band !== null) : [];
  const rowsBy = delivered.length > 0 ? delivered.map((x) => ({ element: x.element, band: x.band })) : yb;
  if (rowsBy.length > 0) {
    // One scale for every element: a bar says how much of the cargo that element is.
    const max = Math.max(...rowsBy.map((y) => y.band.p90));
    for (const y of rowsBy) out.push({ text: `${cell(y.element, 3)} ${withBar ? bandBar(y.band, max, barW) : ''}`.padEnd(labelW) + nums(y.band) });
    const more = delivered.length > 0 ? yb.filter((y) => {
      const got = delivered.find((x) => x.element === y.element)?.band;
      return !got || y.band.p50 > got.p50 * 1.005 || y.band.p90 > got.p90 * 1.005;
    }) : [];
    if (more.length > 0) push(`refined, more than comes home (P50/P90): ${more.map((y) => `${y.element} ${fmtMass(y.band.p50)}/${fmtMass(y.band.p90)}`).join(', ')}`, { dim: true });
    else if (delivered.length === 0 && yb.length > 0) push('rows: refined at the asteroid, per element', { dim: true });
  } else if (p.refining.modelled) {
    for (const pr2 of p.refining.products) push(`${cell(pr2.element, 3)} ${fmtMass(pr2.yieldKg)} (base case)`);
  } else push(`Refining: ${p.refining.reason}`, { color: 'yellow' });

  const c = p.capsules;
  if (c.modelled) {
    const cb = p.uncertainty.bands.capsules;
    push(`Capsules ${c.count} × ${fmtMass(c.capsuleMassKg)} (${c.design})`);
    const count = cb ? `P10–P90 ${Math.round(cb.p10)}–${Math.round(cb.p90)} capsules` : '';
    if (c.entry) {
      push(`  ${count ? `${count}; ` : ''}entry ${fmt(c.entry.speedKmS, 1)} km/s`);
      push(`  peak ${fmt(c.entry.peakDecelG, 0)} g, ${fmt(c.entry.peakHeatFluxWCm2, 0)} W/cm², load ${fmt(c.entry.heatLoadJCm2 / 1000, 1)} kJ/cm²`);
    } else if (count) push(`  ${count}`);
  } else push(`Capsules: ${c.reason}`, { color: 'yellow' });
  const e = p.economics;
  const nb = p.uncertainty.bands.npvUsd;
  if (e.modelled) {
    push(`NPV base case ${fmtUsd(e.npvUsd)}, IRR ${e.irr === null ? '—' : `${sig(e.irr * 100, 2)} %`}`, { bold: true, color: e.npvUsd >= 0 ? 'green' : 'red' });
    if (nb) push(`  P10 ${fmtUsd(nb.p10)} P50 ${fmtUsd(nb.p50)} P90 ${fmtUsd(nb.p90)}`);
    push(`  cost ${fmtUsd(e.costUsd)}, revenue ${fmtUsd(e.revenueUsd)} (base case)`);
  } else push(`Economics: ${e.reason}`, { color: 'yellow' });
  if (p.uncertainty.infeasibleSamples > 0) push(`${p.uncertainty.infeasibleSamples} of ${p.uncertainty.samples} samples infeasible`, { color: 'yellow' });
  if (p.warnings.length > 0) push(`! ${p.warnings.length} warning${p.warnings.length > 1 ? 's' : ''}: press ! to read ${p.warnings.length > 1 ? 'them' : 'it'}`, { color: 'yellow' });
  return out;
}
