// Small hooks shared by the screens: terminal size with resize, throttled state, raw-mode guard.
import { useCallback, useEffect, useRef, useState } from 'react';
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
 * A value that follows `value` at most every `ms` milliseconds (trailing edge), so bursts of
 * progress events do not redraw the whole frame at their own rate.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => {
    const now = Date.now();
    const wait = last.current + ms - now;
    if (wait <= 0) {
      last.current = now;
      setShown(value);
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer.current);
  }, [value, ms]);
  return shown;
}

/**
 * useInput with a handler that is always the latest render's: ink re-subscribes handlers in a
 * passive effect, so keys arriving in a burst (a paste, tmux send-keys, a fast typist) would
 * otherwise reach the previous render's closure and see stale state.
 */
export function useKeys(handler: (input: string, key: Key) => void, active: boolean): void {
  const ref = useRef(handler);
  ref.current = handler;
  const stable = useCallback((input: string, key: Key) => ref.current(input, key), []);
  useInput(stable, { isActive: active });
}
