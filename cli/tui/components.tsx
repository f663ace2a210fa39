// Small presentational pieces shared by the screens: tabs, status and key lines, the help and
// warnings pagers. Every line is laid out for the terminal width: long text wraps, never cut.
import React from 'react';
import { Box, Text } from 'ink';
import { useTheme } from './hooks.js';
import { KEY_TAIL, wrapText } from './text.js';

export const VIEWS = [
  { id: 'targets', key: '1', title: 'Targets' },
  { id: 'trajectory', key: '2', title: 'Trajectory' },
  { id: 'mission', key: '3', title: 'Mission' },
  { id: 'supply', key: '4', title: 'Supply' },
  { id: 'compare', key: '5', title: 'Compare' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export function Tabs({ active, width, right }: { active: ViewId; width: number; right: string }) {
  const { color, c } = useTheme();
  const tabsWidth = VIEWS.reduce((n, v) => n + v.title.length + 4, 0);
  // The name only when there is room beside the tabs and the target.
  const brand = width - tabsWidth - right.length >= 14 ? 'Prospector ' : '';
  const room = Math.max(0, width - tabsWidth - brand.length);
  return (
    <Box height={1} width={width} overflow="hidden">
      {brand ? <Text bold color={c('cyan')}>{brand}</Text> : null}
      {VIEWS.map((v) => {
        const on = v.id === active;
        // Without colour the active tab is also bracketed: visible even where bold/inverse are not.
        const text = !color && on ? `[${v.key} ${v.title}]` : ` ${v.key} ${v.title} `;
        return (
          <Text key={v.id} inverse={on} bold={on} wrap="truncate">
            {text}
          </Text>
        );
      })}
      <Text color={c('cyan')} wrap="truncate">{room > 2 ? ' ' + truncate(right, room - 1) : ''}</Text>
    </Box>
  );
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface StatusMessage {
  text: string;
  tone: Tone;
}

const TONE_COLOUR: Record<Tone, string | undefined> = { error: 'red', warn: 'yellow', ok: 'green', info: undefined };
/** Without colour, errors and warnings say what they are with a leading mark. */
const TONE_MARK: Record<Tone, string> = { error: '✗ ', warn: '! ', ok: '', info: '' };

/** The status text as lines: at most `maxLines`, the last one cut only if the message is longer still. */
export function statusLines(status: StatusMessage | null, busy: string | undefined, width: number, color: boolean, maxLines = 2): string[] {
  const text = [busy, status?.text ? (color ? '' : TONE_MARK[status.tone]) + status.text : undefined].filter(Boolean).join('  ');
  const lines = wrapText(text, width, '  ');
  if (lines.length <= maxLines) return lines.length > 0 ? lines : [''];
  const shown = lines.slice(0, maxLines);
  shown[maxLines - 1] = truncate(shown[maxLines - 1] + ' ' + lines.slice(maxLines).join(' '), width - 9) + ' (! log)';
  return shown;
}

export function StatusLine({ lines, tone, width }: { lines: string[]; tone: Tone | undefined; width: number }) {
  const { c } = useTheme();
  return (
    <Box height={lines.length} width={width} flexDirection="column" overflow="hidden">
      {lines.map((l, i) => (
        <Text key={i} color={c(tone ? TONE_COLOUR[tone] : undefined)} wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}


/**
 * The key summary that is always on screen, packed into as few lines as the width allows:
 * groups ("s sort") are separated by two spaces and never split.
 */
export function keyLines(keys: string, width: number): string[] {
  const groups = `${keys}  ${KEY_TAIL}`.split(/ {2,}/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const g of groups) {
    const next = cur ? `${cur}  ${g}` : g;
    if (next.length <= width || !cur) cur = next;
    else {
      lines.push(cur);
      cur = g;
    }
  }
  if (cur) lines.push(cur);
  return lines.map((l) => truncate(l, width));
}

export function KeyLine({ lines, width }: { lines: string[]; width: number }) {
  return (
    <Box height={lines.length} width={width} flexDirection="column" overflow="hidden">
      {lines.map((l, i) => (
        <Text key={i} dimColor wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}

export const GLOBAL_HELP: Array<[string, string]> = [
  ['1..5, Tab/Shift+Tab', 'switch view (Targets, Trajectory, Mission, Supply, Compare); each view keeps its sort, filters, cursor and scroll'],
  ['?', 'this help (↑ ↓ PgUp PgDn scroll it, any other key closes it)'],
  ['!', 'warnings of the current plan and target, and the message log (↑ ↓ scroll, any other key closes)'],
  ['k', 'keep the current plan for comparison (Compare, 5)'],
  ['e / E', "export the yield forecast as CSV / JSON, with the same writer as `prospector export` and at the scenario's sample count (in Compare: the selected plan)"],
  ['w', 'save the scenario (YAML keeps the comments of the file it came from)'],
  ['Esc', 'cancel the plan that is running (the last finished numbers stay)'],
  ['q', 'quit (exit status 0)'],
  ['Ctrl+C', 'quit at once (exit status 130)'],
];

/** Keys of every one-line text box: search, Δv filter, Mission fields, file names. */
export const LINE_EDIT_HELP: Array<[string, string]> = [
  ['Enter / Esc', 'apply / cancel the edit'],
  ['← → Home End', 'move in the text (Ctrl+A / Ctrl+E: start / end)'],
  ['Backspace, Ctrl+U', 'delete the character before the cursor / everything before it'],
];

export interface PagerLine {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

/** Help entries as lines: keys in a column, descriptions wrapped beside them. */
export function helpLines(view: string, viewHelp: Array<[string, string]>, width: number): PagerLine[] {
  const sections: Array<[string, Array<[string, string]>]> = [
    ['Everywhere', GLOBAL_HELP],
    [view, viewHelp],
    ['Text boxes', LINE_EDIT_HELP],
  ];
  const all = sections.flatMap(([, rows]) => rows);
  const kw = Math.min(22, Math.max(...all.map((r) => r[0].length)), Math.max(8, Math.floor(width / 3)));
  const out: PagerLine[] = [];
  for (const [title, rows] of sections) {
    if (out.length > 0) out.push({ text: '' });
    out.push({ text: title, bold: true });
    for (const [k, d] of rows) {
      const keyCol = wrapText(k, kw);
      const desc = wrapText(d, Math.max(10, width - kw - 2));
      const n = Math.max(keyCol.length, desc.length);
      for (let i = 0; i < n; i++) out.push({ text: `${(keyCol[i] ?? '').padEnd(kw)}  ${desc[i] ?? ''}`.trimEnd(), color: i < keyCol.length ? 'cyan' : undefined });
    }
  }
  return out;
}

/**
 * A scrollable full-body panel (help, warnings, target details). `offset` is the first line
 * shown; the footer says how to scroll when the text is taller than the panel.
 */
export function Pager({ title, lines, width, height, offset, hint }: { title: string; lines: PagerLine[]; width: number; height: number; offset: number; hint: string }) {
  const { c } = useTheme();
  const room = Math.max(1, height - 2);
  const first = clampOffset(offset, lines.length, room);
  const shown = lines.slice(first, first + room);
  const more = lines.length > room ? `lines ${first + 1}–${first + shown.length} of ${lines.length} · ↑↓ PgUp PgDn scroll · ` : '';
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text bold wrap="truncate">
        {truncate(title, width)}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} dimColor={l.dim} color={c(l.color)} wrap="truncate">
          {l.text || ' '}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor wrap="truncate">
        {truncate(more + hint, width)}
      </Text>
    </Box>
  );
}

export function clampOffset(offset: number, total: number, room: number): number {
  return Math.max(0, Math.min(offset, Math.max(0, total - room)));
}

/** New scroll offset for a pager key, or null when the key is not a scroll key. */
export function scrollKey(key: { upArrow?: boolean; downArrow?: boolean; pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean }, input: string, offset: number, total: number, room: number): number | null {
  let next: number;
  if (key.upArrow) next = offset - 1;
  else if (key.downArrow) next = offset + 1;
  else if (key.pageUp) next = offset - Math.max(1, room - 1);
  else if (key.pageDown || input === ' ') next = offset + Math.max(1, room - 1);
  else if (key.home || input === 'g') next = 0;
  else if (key.end || input === 'G') next = total;
  else return null;
  return clampOffset(next, total, room);
}

/** A plain statement that a module is missing: never placeholder numbers. */
export function Unavailable({ what, reason }: { what: string; reason: string }) {
  const { c } = useTheme();
  return (
    <Box flexDirection="column">
      <Text color={c('yellow')} wrap="truncate-end">
        {what} is not available.
      </Text>
      <Text dimColor wrap="wrap">
        {reason}
      </Text>
    </Box>
  );
}

export function truncate(s: string, w: number): string {
  if (w <= 0) return '';
  return s.length > w ? s.slice(0, Math.max(0, w - 1)) + '…' : s;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Spinner frame for a tick counter (the App owns one timer at 8 Hz, so there is one redraw source). */
export function spinnerFrame(tick: number): string {
  return FRAMES[tick % FRAMES.length];
}
