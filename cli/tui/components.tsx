// Small presentational pieces shared by the screens.
import React from 'react';
import { Box, Text } from 'ink';

export const VIEWS = [
  { id: 'targets', key: '1', title: 'Targets' },
  { id: 'trajectory', key: '2', title: 'Trajectory' },
  { id: 'mission', key: '3', title: 'Mission' },
  { id: 'supply', key: '4', title: 'Supply' },
  { id: 'compare', key: '5', title: 'Compare' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export function Tabs({ active, width, right }: { active: ViewId; width: number; right: string }) {
  const tabsWidth = VIEWS.reduce((n, v) => n + v.title.length + 4, 0);
  // The name only when there is room beside the tabs and the target.
  const brand = width - tabsWidth - right.length >= 14 ? 'Prospector ' : '';
  const room = Math.max(0, width - tabsWidth - brand.length);
  return (
    <Box height={1} width={width} overflow="hidden">
      {brand ? <Text bold color="cyan">{brand}</Text> : null}
      {VIEWS.map((v) => (
        <Text key={v.id} inverse={v.id === active} bold={v.id === active} wrap="truncate">
          {` ${v.key} ${v.title} `}
        </Text>
      ))}
      <Text color="cyan" wrap="truncate">{room > 2 ? ' ' + truncate(right, room - 1) : ''}</Text>
    </Box>
  );
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface StatusMessage {
  text: string;
  tone: Tone;
}

export function StatusLine({ status, width, busy }: { status: StatusMessage | null; width: number; busy?: string }) {
  const color = status?.tone === 'error' ? 'red' : status?.tone === 'warn' ? 'yellow' : status?.tone === 'ok' ? 'green' : undefined;
  const text = [busy, status?.text].filter(Boolean).join('  ');
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text color={color} wrap="truncate">{truncate(text, width)}</Text>
    </Box>
  );
}

/** The one-line key summary that is always on screen. */
export function KeyLine({ keys, width }: { keys: string; width: number }) {
  const tail = '  ? help  q quit';
  const room = Math.max(0, width - tail.length);
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text dimColor wrap="truncate">{truncate(keys, room).padEnd(room) + tail}</Text>
    </Box>
  );
}

export const GLOBAL_HELP: Array<[string, string]> = [
  ['1..5, Tab/Shift+Tab', 'switch view (Targets, Trajectory, Mission, Supply, Compare)'],
  ['?', 'this help (any key closes it)'],
  ['k', 'keep the current plan for comparison'],
  ['e / E', 'export the current plan as CSV / JSON'],
  ['w', 'save the scenario to a file'],
  ['q', 'quit (exit 0)'],
  ['Ctrl+C', 'quit (exit 130)'],
];

export function HelpOverlay({ view, viewHelp, width, height }: { view: string; viewHelp: Array<[string, string]>; width: number; height: number }) {
  const rows: Array<[string, string] | null> = [...GLOBAL_HELP, null, ...viewHelp];
  const kw = Math.min(22, Math.max(...rows.map((r) => (r ? r[0].length : 0))));
  const lines = rows.slice(0, Math.max(0, height - 2));
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text bold wrap="truncate">Keys — everywhere, then in {view}</Text>
      {lines.map((r, i) =>
        r ? (
          <Text key={i} wrap="truncate">
            <Text color="cyan">{r[0].padEnd(kw)}</Text>
            {'  ' + r[1]}
          </Text>
        ) : (
          <Text key={i}> </Text>
        ),
      )}
    </Box>
  );
}

/** A plain statement that a module is missing: never placeholder numbers. */
export function Unavailable({ what, reason }: { what: string; reason: string }) {
  return (
    <Box flexDirection="column">
      <Text color="yellow" wrap="truncate-end">{what} is not available.</Text>
      <Text dimColor wrap="wrap">{reason}</Text>
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
