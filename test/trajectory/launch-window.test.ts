// The default launch window (engine) and its copies in the TUI: from the later of 2025-01-01 and
// today to 2045-12-31; explicit windows that start before today are warned about.
import { describe, expect, it } from 'vitest';
import { defaultLaunchWindow, launchBeforeTodayWarning, NHATS_DEFAULTS } from '../../src/trajectory/round-trip.js';
import { defaultWindow, windowOf } from '../../cli/tui/session.js';
import { InputError } from '../../src/errors.js';

describe('defaultLaunchWindow', () => {
  it('starts at the later of 2025-01-01 (DESIGN §2.3) and today, ends 2045-12-31', () => {
    expect(NHATS_DEFAULTS.launchFrom).toBe('2025-01-01');
    expect(NHATS_DEFAULTS.launchTo).toBe('2045-12-31');
    expect(defaultLaunchWindow('2026-12-05')).toEqual({ from: '2026-12-05', to: '2045-12-31' });
    expect(defaultLaunchWindow('2024-03-01')).toEqual({ from: '2025-01-01', to: '2045-12-31' });
    expect(defaultLaunchWindow('2045-12-31')).toEqual({ from: '2045-12-31', to: '2045-12-31' });
    // No date given (library callers that do not pass one): the fixed window; the engine never reads the clock.
    expect(defaultLaunchWindow()).toEqual({ from: '2025-01-01', to: '2045-12-31' });
  });

  it('after 2045-12-31 there is no default: an InputError naming the setting', () => {
    expect(() => defaultLaunchWindow('2046-01-01', 'window.launch')).toThrow(InputError);
    expect(() => defaultLaunchWindow('2046-01-01', 'window.launch')).toThrow(/^window\.launch: the default launch window ended on 2045-12-31 \(today is 2046-01-01\)/);
  });

  it('the TUI repeats the same dates (it cannot load the engine up front)', () => {
    for (const today of ['2020-05-05', '2025-01-01', '2026-12-05', '2033-07-14', '2045-12-31']) {
      const { from, to } = defaultWindow(today);
      expect({ from, to }, today).toEqual(defaultLaunchWindow(today));
      expect(windowOf({ window: {} }, today)).toEqual({ ...defaultLaunchWindow(today), basis: 'default' });
    }
    expect(windowOf({ window: { launch: '2030-01-01..2031-01-01' } }, '2026-12-05')).toEqual({ from: '2030-01-01', to: '2031-01-01', basis: 'scenario' });
    expect(windowOf({ window: { launch: { from: '2030-01-01', to: '2031-01-01' } } }, '2026-12-05')).toEqual({ from: '2030-01-01', to: '2031-01-01', basis: 'scenario' });
  });
});

describe('launchBeforeTodayWarning', () => {
  const today = '2026-12-05';
  it('null from today on; a warning naming the window and today otherwise', () => {
    expect(launchBeforeTodayWarning('--launch', { from: '2026-12-05', to: '2030-01-01' }, today)).toBeNull();
    expect(launchBeforeTodayWarning('--launch', { from: '2026-12-05T18:00:00.000Z', to: '2030-01-01' }, today)).toBeNull();
    expect(launchBeforeTodayWarning('--launch', { from: '2026-12-04', to: '2030-01-01' }, today)).toBe(
      '--launch 2026-12-04..2030-01-01 includes launch dates before today (2026-12-05); trips launching before 2026-12-05 can no longer be flown',
    );
    expect(launchBeforeTodayWarning('window.launch', { from: '2020-01-01', to: '2026-12-04' }, today)).toBe(
      'window.launch 2020-01-01..2026-12-04: only launch dates before today (2026-12-05); no trip found there can still be flown',
    );
    expect(launchBeforeTodayWarning('--launch', { from: '2026-01-12', to: '2026-01-12' }, today)).toMatch(/^--launch 2026-01-12: only launch dates before today/);
  });
});
