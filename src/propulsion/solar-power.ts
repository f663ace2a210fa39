/**
 * Power and thrust of a solar-electric spacecraft at a distance from the Sun.
 *
 * Array power falls as P(r) = P₁AU·(1 AU/r)² (DESIGN §2.4; the 1/r² law ignores cell
 * temperature and degradation, which raise output slightly inside 1 AU and lower it with age).
 * The power processors cap what the thrusters can use; each string needs at least its minimum
 * input power, so strings are switched off one by one as power falls, and below one string's
 * minimum the thrusters cannot run at all.
 */
import type { Spacecraft } from './index.js';
import { thrustFromPowerN } from './thrust.js';

export interface OperatingPoint {
  rAu: number;
  /** Array power available to the thrusters at rAu (before the PPU cap), W. */
  arrayPowerW: number;
  /** Power the firing strings actually process, W. */
  inputPowerW: number;
  activeThrusters: number;
  /** Total thrust, N (0 below the cut-off). */
  thrustN: number;
  /** 'ppu-cap' when the processors limit, 'array' when the Sun does, 'cut-off' when nothing runs. */
  limitedBy: 'ppu-cap' | 'array' | 'cut-off';
}

/** Array power available to the thrusters at rAu, W (no cap). */
export function solarPowerW(powerAt1AuW: number, rAu: number): number {
  return powerAt1AuW / (rAu * rAu);
}

/** Total PPU capacity of the firing strings, W. */
export function ppuCapW(sc: Spacecraft): number {
  return sc.ppuMaxW ?? sc.thrusterCount * sc.thruster.maxInputPowerW;
}

/** How many strings fire, at what power and thrust, at rAu. */
export function operatingPoint(sc: Spacecraft, rAu: number): OperatingPoint {
  const arrayPowerW = solarPowerW(sc.powerAt1AuW, rAu);
  const cap = ppuCapW(sc);
  const usable = Math.min(arrayPowerW, cap);
  const th = sc.thruster;
  // As many strings as the power can keep above their minimum, none above its maximum.
  const active = Math.min(sc.thrusterCount, Math.floor(usable / th.minInputPowerW + 1e-12));
  if (active < 1) {
    return { rAu, arrayPowerW, inputPowerW: 0, activeThrusters: 0, thrustN: 0, limitedBy: 'cut-off' };
  }
  const perString = Math.min(th.maxInputPowerW, usable / active);
  const inputPowerW = perString * active;
  return {
    rAu,
    arrayPowerW,
    inputPowerW,
    activeThrusters: active,
    thrustN: thrustFromPowerN(inputPowerW, th.efficiency, th.ispS),
    limitedBy: arrayPowerW >= cap || inputPowerW < usable - 1e-9 ? 'ppu-cap' : 'array',
  };
}
