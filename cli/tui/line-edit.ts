// A one-line text editor driven by ink key events (search boxes, parameter fields).
import type { Key } from 'ink';

export interface LineEdit {
  text: string;
  cursor: number;
}

export const emptyEdit: LineEdit = { text: '', cursor: 0 };

export type EditResult = { kind: 'edit'; line: LineEdit } | { kind: 'submit'; line: LineEdit } | { kind: 'cancel' } | { kind: 'none' };

export function editLine(l: LineEdit, input: string, key: Key): EditResult {
  if (key.escape) return { kind: 'cancel' };
  if (key.return) return { kind: 'submit', line: l };
  if (key.leftArrow) return { kind: 'edit', line: { ...l, cursor: Math.max(0, l.cursor - 1) } };
  if (key.rightArrow) return { kind: 'edit', line: { ...l, cursor: Math.min(l.text.length, l.cursor + 1) } };
  if (key.home || (key.ctrl && input === 'a')) return { kind: 'edit', line: { ...l, cursor: 0 } };
  if (key.end || (key.ctrl && input === 'e')) return { kind: 'edit', line: { ...l, cursor: l.text.length } };
  if (key.ctrl && input === 'u') return { kind: 'edit', line: { text: l.text.slice(l.cursor), cursor: 0 } };
  // ink reports the Backspace key (0x7f) as `delete` on most terminals.
  if (key.backspace || key.delete) {
    if (l.cursor === 0) return { kind: 'none' };
    return { kind: 'edit', line: { text: l.text.slice(0, l.cursor - 1) + l.text.slice(l.cursor), cursor: l.cursor - 1 } };
  }
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return { kind: 'none' };
  // Printable text (also pasted chunks); drop control characters.
  // eslint-disable-next-line no-control-regex
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, '');
  if (!clean) return { kind: 'none' };
  return { kind: 'edit', line: { text: l.text.slice(0, l.cursor) + clean + l.text.slice(l.cursor), cursor: l.cursor + clean.length } };
}
