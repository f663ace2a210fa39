/**
 * Thrust from electric power: the jet carries ηP, and jet power = ½·ṁ·ve² = ½·T·ve, so
 * T = 2ηP/ve with ve = g0·Isp (DESIGN §2.4). SI throughout (W, N, m/s, s).
 */
import { G0_MS2 } from '../astro/constants.js';

/** Effective exhaust velocity ve = g0·Isp, m/s. */
export function exhaustVelocityMS(ispS: number): number {
  return G0_MS2 * ispS;
}

/** T = 2ηP/(g0·Isp), N. */
export function thrustFromPowerN(powerW: number, efficiency: number, ispS: number): number {
  return (2 * efficiency * powerW) / (G0_MS2 * ispS);
}

/** η = T·g0·Isp/(2P): the total efficiency implied by published thrust, power and Isp. */
export function efficiencyFromThrust(thrustN: number, powerW: number, ispS: number): number {
  return (thrustN * G0_MS2 * ispS) / (2 * powerW);
}

/** Propellant mass flow ṁ = T/ve, kg/s. */
export function massFlowKgS(thrustN: number, ispS: number): number {
  return thrustN / (G0_MS2 * ispS);
}
