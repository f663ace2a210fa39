/**
 * Radiator and solar-array sizing for orbital compute (DESIGN §2.7).
 * Radiator: a flat plate emitting from both faces at temperature T rejects sides·ε·σ·T⁴ per m² of
 * plate (no environmental load); with Earth/Sun loads the *net* flux is lower (Starcloud 633.08 W/m²).
 */
import { SOLAR_CONSTANT_WM2, STEFAN_BOLTZMANN } from '../astro/constants.js';
import { requireFinite } from '../errors.js';

/** Emitted flux per m² of plate, W/m²: sides·ε·σ·T⁴ (2σT⁴ = 837.5 W/m² at 293.15 K). */
export function radiatorFluxWPerM2(temperatureK: number, emissivity = 1, sides: 1 | 2 = 2): number {
  requireFinite(temperatureK, 'temperatureK', { min: 0, exclusiveMin: true });
  requireFinite(emissivity, 'emissivity', { min: 0, max: 1, exclusiveMin: true });
  return sides * emissivity * STEFAN_BOLTZMANN * temperatureK ** 4;
}

/** Plate area to reject `heatW` at a net flux, m². */
export function radiatorAreaM2(heatW: number, netFluxWPerM2: number): number {
  requireFinite(heatW, 'heatW', { min: 0 });
  requireFinite(netFluxWPerM2, 'netFluxWPerM2', { min: 0, exclusiveMin: true });
  return heatW / netFluxWPerM2;
}

/** Electrical output of an array, W: area · efficiency · irradiance (1361 W/m² at 1 AU by default). */
export function solarArrayPowerW(areaM2: number, efficiency: number, irradianceWPerM2 = SOLAR_CONSTANT_WM2): number {
  requireFinite(areaM2, 'areaM2', { min: 0 });
  requireFinite(efficiency, 'efficiency', { min: 0, max: 1 });
  requireFinite(irradianceWPerM2, 'irradianceWPerM2', { min: 0 });
  return areaM2 * efficiency * irradianceWPerM2;
}

/** Array area needed for `powerW`, m². */
export function solarArrayAreaM2(powerW: number, efficiency: number, irradianceWPerM2 = SOLAR_CONSTANT_WM2): number {
  requireFinite(powerW, 'powerW', { min: 0 });
  requireFinite(efficiency, 'efficiency', { min: 0, max: 1, exclusiveMin: true });
  requireFinite(irradianceWPerM2, 'irradianceWPerM2', { min: 0, exclusiveMin: true });
  return powerW / (efficiency * irradianceWPerM2);
}
