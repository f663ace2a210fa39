/**
 * The link between mining and orbital compute (DESIGN §2.7): metal and water delivered to orbit
 * replace launched mass of an orbital data centre — iron/nickel/cobalt as structure and radiator
 * panels, water as coolant/propellant. Reports, for the data centre being costed (default 1 GW),
 * the mass replaced, the launch cost saved (total and per GW) and how the parity launch price moves.
 *
 * Replaceable mass per data centre: structure = fraction·mass; radiators = satellites·(P_sat /
 * net flux)·areal density; water = fraction·mass. Delivered metal fills structure first, then
 * radiators; each kg delivered replaces `replacementKgPerKg` kg of launched mass (1 by default —
 * steel is ~3× denser than aluminium but has about the same stiffness per kg, E/ρ ≈ 25 MJ/kg, so
 * stiffness-limited structure needs about the same mass).
 */
import { requireFinite } from '../errors.js';
import { computeOrbitalDc, orbitalComputeData, resolveOrbitalDcInputs, type OrbitalDcOptions, type OrbitalDcResult } from './orbital-data-center.js';

export interface MassBreakdown {
  structureFraction: number;
  radiatorArealDensityKgPerM2: number;
  radiatorNetFluxWPerM2: number;
  waterFraction: number;
  replacementKgPerKg: number;
}

export interface OrbitalLinkInputs {
  /** kg delivered to orbit by element ("Fe", "Ni", "Co", "H2O"; others are ignored with a note). */
  deliveredToOrbitKg: Record<string, number>;
  /** The data centre the material goes into (orbital-dc options; default 1 GW, 5 yr). */
  odc?: OrbitalDcOptions;
  breakdown?: Partial<MassBreakdown>;
  /** What the delivered material costs in orbit, USD/kg (from mission economics); 0 = free. */
  deliveredCostUsdPerKg?: number;
}

export interface OrbitalLinkCategory {
  category: 'structure' | 'radiators' | 'water';
  needKg: number;
  suppliedKg: number;
  replacedKg: number;
  /** Fraction of this data centre's need that the delivery covers. */
  coverage: number;
}

export interface OrbitalLinkResult {
  powerGw: number;
  launchUsdPerKg: number;
  odcMassKg: number;
  categories: OrbitalLinkCategory[];
  replacedKg: number;
  /** Delivered material that finds no use in this data centre (surplus or not a structural element). */
  unusedKg: Record<string, number>;
  launchCostSavedUsd: number;
  launchCostSavedUsdPerGw: number;
  /** GW of data centre whose need in each category the delivery could fully furnish if all of it went there. */
  gwFurnished: { structure: number; radiators: number; water: number };
  parity: {
    baselineUsdPerKg: number | null;
    withDeliveryUsdPerKg: number | null;
    baselineRawUsdPerKg: number;
    withDeliveryRawUsdPerKg: number;
    changeUsdPerKg: number | null;
    note: string;
  };
  baseline: Pick<OrbitalDcResult, 'satellites' | 'massT' | 'cost' | 'terrestrial' | 'lcoeUsdPerMWh'>;
  withDelivery: Pick<OrbitalDcResult, 'cost' | 'lcoeUsdPerMWh'>;
  breakdown: MassBreakdown & { source: string };
  notes: string[];
}

const METALS = ['Fe', 'Ni', 'Co'];

export function orbitalLink(input: OrbitalLinkInputs): OrbitalLinkResult {
  const data = orbitalComputeData();
  const bd: MassBreakdown = { ...data.massBreakdown, ...(input.breakdown ?? {}) };
  requireFinite(bd.structureFraction, 'breakdown.structureFraction', { min: 0, max: 1 });
  requireFinite(bd.waterFraction, 'breakdown.waterFraction', { min: 0, max: 1 });
  requireFinite(bd.radiatorArealDensityKgPerM2, 'breakdown.radiatorArealDensityKgPerM2', { min: 0 });
  requireFinite(bd.radiatorNetFluxWPerM2, 'breakdown.radiatorNetFluxWPerM2', { min: 0, exclusiveMin: true });
  requireFinite(bd.replacementKgPerKg, 'breakdown.replacementKgPerKg', { min: 0 });
  const costPerKg = requireFinite(input.deliveredCostUsdPerKg ?? 0, 'deliveredCostUsdPerKg', { min: 0 });
  const notes: string[] = [];

  const { inputs, preset } = resolveOrbitalDcInputs(input.odc ?? {});
  const base = computeOrbitalDc({ ...inputs, massFromOrbitKg: 0 }, preset);
  const M = base.massKg;
  const structureNeed = bd.structureFraction * M;
  const waterNeed = bd.waterFraction * M;
  const radiatorPerSat = (inputs.satPowerW / bd.radiatorNetFluxWPerM2) * bd.radiatorArealDensityKgPerM2;
  const radiatorNeed = Math.min(base.satellites * radiatorPerSat, Math.max(0, M - structureNeed - waterNeed));

  let metalKg = 0;
  let waterKg = 0;
  const unusedKg: Record<string, number> = {};
  for (const [el, kg] of Object.entries(input.deliveredToOrbitKg)) {
    requireFinite(kg, `deliveredToOrbitKg.${el}`, { min: 0 });
    if (METALS.includes(el)) metalKg += kg;
    else if (el === 'H2O') waterKg += kg;
    else if (kg > 0) {
      unusedKg[el] = kg;
      notes.push(`${el}: no structural, radiator or water use modelled in orbit`);
    }
  }
  const r = bd.replacementKgPerKg;
  const structureReplaced = Math.min(metalKg * r, structureNeed);
  const metalLeft = r > 0 ? metalKg - structureReplaced / r : metalKg;
  const radiatorReplaced = Math.min(metalLeft * r, radiatorNeed);
  const metalSurplus = r > 0 ? metalLeft - radiatorReplaced / r : metalLeft;
  const waterReplaced = Math.min(waterKg * r, waterNeed);
  const waterSurplus = r > 0 ? waterKg - waterReplaced / r : waterKg;
  if (metalSurplus > 1e-9) unusedKg.metal = metalSurplus;
  if (waterSurplus > 1e-9) unusedKg.H2O = waterSurplus;
  const replacedKg = structureReplaced + radiatorReplaced + waterReplaced;

  const withDel = computeOrbitalDc({ ...inputs, massFromOrbitKg: replacedKg, massFromOrbitUsdPerKg: r > 0 ? costPerKg / r : 0 }, preset);
  const powerGw = inputs.powerW / 1e9;
  const saved = replacedKg * inputs.launchUsdPerKg;
  const perGwNeed = (need: number) => need / powerGw;
  const cat = (category: OrbitalLinkCategory['category'], need: number, replaced: number): OrbitalLinkCategory => ({
    category, needKg: need, suppliedKg: r > 0 ? replaced / r : 0, replacedKg: replaced, coverage: need > 0 ? replaced / need : 0,
  });
  const baseParity = base.parityLaunchCostUsdPerKg;
  const newParity = withDel.parityLaunchCostUsdPerKg;
  let note: string;
  if (baseParity === null && newParity === null) {
    note = `no parity with or without the delivered material (${withDel.parityNote})`;
    if (base.parityRawUsdPerKg < 0 && withDel.parityRawUsdPerKg < 0) note += '; saved launch mass cannot help while the non-launch costs alone exceed terrestrial (the raw gap per launched kg only grows as launched mass falls)';
  }
  else if (baseParity === null) note = `the delivered material creates a parity: $${newParity!.toFixed(0)}/kg`;
  else if (newParity === null) note = withDel.parityNote;
  else note = `parity launch price moves from $${baseParity.toFixed(0)}/kg to $${newParity.toFixed(0)}/kg`;
  if (costPerKg === 0 && replacedKg > 0) notes.push('delivered material priced at $0/kg here: mission costs are in the economics section');
  notes.push('hardware $/W is unchanged by the substitution (conservative: only launched mass is saved)');

  return {
    powerGw,
    launchUsdPerKg: inputs.launchUsdPerKg,
    odcMassKg: M,
    categories: [cat('structure', structureNeed, structureReplaced), cat('radiators', radiatorNeed, radiatorReplaced), cat('water', waterNeed, waterReplaced)],
    replacedKg,
    unusedKg,
    launchCostSavedUsd: saved,
    launchCostSavedUsdPerGw: saved / powerGw,
    gwFurnished: {
      structure: structureNeed > 0 ? (metalKg * r) / perGwNeed(structureNeed) : 0,
      radiators: radiatorNeed > 0 ? (metalKg * r) / perGwNeed(radiatorNeed) : 0,
      water: waterNeed > 0 ? (waterKg * r) / perGwNeed(waterNeed) : 0,
    },
    parity: {
      baselineUsdPerKg: baseParity,
      withDeliveryUsdPerKg: newParity,
      baselineRawUsdPerKg: base.parityRawUsdPerKg,
      withDeliveryRawUsdPerKg: withDel.parityRawUsdPerKg,
      changeUsdPerKg: baseParity !== null && newParity !== null ? newParity - baseParity : null,
      note,
    },
    baseline: { satellites: base.satellites, massT: base.massT, cost: base.cost, terrestrial: base.terrestrial, lcoeUsdPerMWh: base.lcoeUsdPerMWh },
    withDelivery: { cost: withDel.cost, lcoeUsdPerMWh: withDel.lcoeUsdPerMWh },
    breakdown: { ...bd, source: data.massBreakdown.source },
    notes,
  };
}
