/**
 * Reentry capsules: entry simulation, heritage presets, metal-return capsule sizing.
 *
 * Inputs and outputs (engine units: kg, m for capsule geometry, km/s, rad, s):
 * - `simulateEntry({massKg, diameterM, noseRadiusM, cd, speedKmS, fpaRad, altitudeKm?,
 *   atmosphere?: 'exponential'|'us76', rotatingEarth?, latitudeRad?, azimuthRad?, cdMach?,
 *   drogueMach?, drogueAltitudeKm?, stepS?, toGround?, trajectoryEveryS?})` → `EntryResult`
 *   `{peakDecelG, peakHeatFluxWCm2, heatLoadJCm2, timeToPeakS (peak heating), ballisticCoefficient
 *   (kg/m²), timeToPeakDecelS, peakDecelAltitudeKm, peakHeatingAltitudeKm, speedAtPeakHeatingKmS,
 *   peakDynamicPressureKPa, timeToDrogueS, drogue, allenEggersPeakG (cross-check only),
 *   durationS, endAltitudeKm, endSpeedKmS, downrangeKm, skippedOut, entry, assumptions,
 *   trajectory?, warnings}`. Speed and flight-path angle are inertial at the interface (125 km).
 * - `heritageCapsules()`, `capsulePreset(id)` → `HeritageCapsule` (stardust, hayabusa, hayabusa2,
 *   osiris-rex, genesis; data/capsules.json with sources).
 * - `sizeCapsule(design, entrySpeedKmS, fpaRad)` → `CapsuleSizing` (diameter from β, heat load
 *   from the entry, heat-shield fraction, payload per capsule).
 * - `capsulesForCargo(cargoKg, design, entrySpeedKmS, fpaRad)` → `{count, payloadPerCapsuleKg,
 *   capsuleMassKg, hardwareMassKg, totalMassKg, cargoKg, sizing, entry, assumptions, warnings}`;
 *   `totalMassKg` (hardware + cargo) is what rides the return leg. `design` is a `CapsuleDesign`
 *   or a preset id; `DEFAULT_METAL_CAPSULE` is 100 kg, β 90 kg/m², C_D 1.5, payload 30 %.
 * - `entryRefinementEffects(input, {rotation?, cdMach?})` → how much Earth rotation and a
 *   Mach-dependent C_D each move peak g, peak heating, heat load and the drogue time.
 * Errors: InputError naming the field; NoSolutionError when the capsule skips out or cannot carry
 * payload.
 */
export { simulateEntry, EARTH_ROTATION_RAD_S, DEFAULT_ENTRY_ALTITUDE_KM, DEFAULT_DROGUE_MACH, DEFAULT_DROGUE_ALTITUDE_KM, DROGUE_SOURCE } from './entry-simulation.js';
export { entryRefinementEffects, type RefinementEffects, type RefinementCase, type EntrySummary } from './refinement-effects.js';
export { shallowestCapturedFpaRad } from './skip-out-boundary.js';
export type { EntryInput, EntryResult, DrogueConditions, EntryTrajectorySample } from './entry-simulation.js';
export { us76, exponentialAtmosphere, atmosphere, type AtmosphereModel, type AtmosphereSample } from './atmosphere.js';
export { suttonGravesHeatFluxWM2, SUTTON_GRAVES_K_EARTH } from './sutton-graves.js';
export { allenEggersPeakDecelG, allenEggersSpeedAtPeakDecelKmS, allenEggersPeakDecelAltitudeKm } from './allen-eggers.js';
export { tpsMassFraction } from './tps-mass.js';
export { heritageCapsules, capsulePreset, capsulePresetIds, ballisticCoefficientKgM2, type HeritageCapsule } from './capsules.js';
export { sizeCapsule, capsulesForCargo, DEFAULT_METAL_CAPSULE, STARDUST_NOSE_RATIO } from './capsule-sizing.js';
export type { CapsuleDesign, CapsuleSizing, CapsulesForCargo } from './capsule-sizing.js';
