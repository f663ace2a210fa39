// The first frame, drawn before ink and React are imported (about half a second here): the shell
// the App will draw — tabs, a loading line, the key line — so the screen is never blank while
// the interface loads. Plain strings and SGR codes only: no ink, no React, no engine.
import { KEY_TAIL } from './text.js';

const TABS = ['1 Targets', '2 Trajectory', '3 Mission', '4 Supply', '5 Compare'];

export interface Splash {
  text: string;
  lines: number;
}

/**
 * The start-up frame for a `columns` × `rows` terminal, one line shorter than the screen like the
 * App's frames. `color`: cyan brand; `emphasis`: bold/inverse allowed (off only for TERM=dumb).
 */
export function splashFrame(columns: number, rows: number, color: boolean, emphasis: boolean): Splash {
  const width = Math.max(20, columns - 1);
  const total = Math.max(6, rows - 1);
  const sgr = (code: string, s: string) => (emphasis ? `\u001B[${code}m${s}\u001B[0m` : s);
  const tabsWidth = TABS.reduce((n, t) => n + t.length + 2, 0);
  const brand = width - tabsWidth >= 24 ? 'Prospector ' : '';
  const tabs = TABS.map((t, i) => (i === 0 ? sgr('1;7', color ? ` ${t} ` : `[${t}]`) : ` ${t} `)).join('');
  const head = (brand ? sgr(color ? '1;36' : '1', brand) : '') + tabs;
  const body = 'Starting the planning session: loading the interface and the catalog…';
  const lines = [head, body.length > width ? body.slice(0, width - 1) + '…' : body];
  while (lines.length < total - 1) lines.push('');
  lines.push(sgr('2', KEY_TAIL.length > width ? KEY_TAIL.slice(0, width) : KEY_TAIL));
  return { text: lines.join('\n'), lines: lines.length };
}
