// Small hooks shared by the screens: terminal size with resize, throttled state, raw-mode guard,
// state that outlives a screen (view switches keep sort, filters, cursors), the colour theme.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useInput, useStdin, useStdout, type Key } from 'ink';

export interface TermSize {
  columns: number;
  rows: number;
}

/** Columns and rows of the output terminal, updated on 'resize'. `fixed` pins them (tests). */
export function useTerminalSize(fixed?: Partial<TermSize>): TermSize {
  const { stdout } = useStdout();
  const read = (): TermSize => ({
    columns: fixed?.columns ?? (stdout.columns || 80),
    rows: fixed?.rows ?? (stdout.rows || 24),
  });
  const [size, setSize] = useState<TermSize>(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, fixed?.columns, fixed?.rows]);
  return size;
}

/**
 * ink's `isRawModeSupported` is `stdin.isTTY`, i.e. `undefined` (not false) on a pipe; useInput
 * on such a stdin throws, so only `=== true` counts.
 */
export function useRawInput(): boolean {
  const { isRawModeSupported } = useStdin();
  return isRawModeSupported === true;
}

/**
 * useInput with a handler that is always the latest render's: ink re-subscribes handlers in a
 * passive effect, so keys arriving in a burst would otherwise reach the previous render's closure
 * and see stale state. A chunk of plain text (a paste, tmux send-keys, a fast typist) arrives as
 * one input; it is replayed one character per event-loop turn so that "/bennu" opens the search
 * and then types into it, exactly as if typed.
 */
export function useKeys(handler: (input: string, key: Key) => void, active: boolean): void {
  const ref = useRef(handler);
  ref.current = handler;
  // One FIFO per handler: while a burst is being replayed, later events wait their turn, so a
  // chunk that arrives mid-replay (the loop was busy computing) cannot overtake earlier keys.
  const queue = useRef<Array<[string, Key]>>([]);
  const draining = useRef(false);
  const stable = useCallback((input: string, key: Key) => {
    const chars = [...input];
    if (chars.length <= 1 || !isPlainText(key)) queue.current.push([input, key]);
    else for (const ch of chars) queue.current.push(keyOfChar(ch, key));
    if (draining.current) return;
    const drain = () => {
      const next = queue.current.shift();
      if (!next) {
        draining.current = false;
        return;
      }
      ref.current(next[0], next[1]);
      if (queue.current.length > 0) setImmediate(drain);
      else draining.current = false;
    };
    draining.current = true;
    drain();
  }, []);
  useInput(stable, { isActive: active });
}

function isPlainText(key: Key): boolean {
  return !(
    key.ctrl ||
    key.meta ||
    key.return ||
    key.escape ||
    key.tab ||
    key.backspace ||
    key.delete ||
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end
  );
}

/**
 * State whose latest value is readable at once through `ref` (key handlers run several times
 * between renders when input arrives in a burst; `ref` never lags behind the last `set`).
 */
export function useStateRef<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, { readonly current: T }] {
  const [value, setValue] = useState<T>(initial);
  const ref = useRef<T>(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    const v = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    ref.current = v;
    setValue(v);
  }, []);
  return [value, set, ref];
}

/** The key event a single character of a burst stands for (Enter, Tab, Backspace, Ctrl+letter…). */
export function keyOfChar(ch: string, base: Key): [string, Key] {
  const k: Key = { ...base, shift: /[A-Z]/.test(ch), return: false, tab: false, backspace: false, delete: false, escape: false, ctrl: false };
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return ['', { ...k, return: true }];
  if (ch === '\t') return ['', { ...k, tab: true }];
  if (code === 0x7f || code === 0x08) return ['', { ...k, delete: true }];
  if (code === 0x1b) return ['', { ...k, escape: true }];
  if (code < 0x20) return [String.fromCharCode(code + 0x60), { ...k, ctrl: true }];
  return [ch, k];
}

export type KeyHandler = (input: string, key: Key) => void;

/**
 * The screen's key handler, registered with the App, which is the only stdin subscriber: it
 * decides in one place, in arrival order, whether a key is for Ctrl+C, the help, a file prompt,
 * a global command or the active screen (no race between several useInput subscriptions).
 */
export const ViewKeysContext = createContext<{ current: KeyHandler | null }>({ current: null });

export function useViewKeys(handler: KeyHandler): void {
  const slot = useContext(ViewKeysContext);
  const ref = useRef(handler);
  ref.current = handler;
  // Registered during render (not in an effect) so that the first key after a view switch
  // already reaches the new screen.
  const stable = useCallback<KeyHandler>((input, key) => ref.current(input, key), []);
  slot.current = stable;
  useEffect(
    () => () => {
      if (slot.current === stable) slot.current = null;
    },
    [slot, stable],
  );
}

/**
 * Screen state kept by the App across view switches (a screen unmounts when another is shown):
 * sort, filters, search, cursors, scroll positions. One store per App instance.
 */
export const PersistContext = createContext<Map<string, unknown> | null>(null);

/** useStateRef whose value survives the screen being unmounted and shown again. */
export function usePersistentState<T>(key: string, initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, { readonly current: T }] {
  const store = useContext(PersistContext);
  const [value, set, ref] = useStateRef<T>(() => {
    if (store?.has(key)) return store.get(key) as T;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const setAndKeep = useCallback(
    (next: T | ((prev: T) => T)) => {
      set(next);
      store?.set(key, ref.current);
    },
    [key, ref, set, store],
  );
  return [value, setAndKeep, ref];
}

/**
 * Colour on or off (NO_COLOR, --no-color, TERM=dumb). Without colour the screens still mark the
 * selection (`>` markers, brackets) and use bold/inverse, which are emphasis, not colour.
 */
export const ThemeContext = createContext<{ color: boolean }>({ color: true });

/** `c('red')` is 'red' with colour on and undefined without (ink then emits no colour code). */
export function useTheme(): { color: boolean; c: (name: string | undefined) => string | undefined } {
  const { color } = useContext(ThemeContext);
  const c = useCallback((name: string | undefined) => (color ? name : undefined), [color]);
  return { color, c };
}
