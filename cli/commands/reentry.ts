// `prospector reentry`: one ballistic capsule entry (DESIGN §2.6, §4), from flags or a heritage preset.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseNumber, parseQuantityFlag } from '../parse.js';
import { fmt, renderPairs } from '../format/table.js';
import type { Style } from '../format/style.js';
import { InputError, NoSolutionError, ProspectorError } from '../../src/errors.js';
import { toCsv } from '../../src/export/csv.js';
import type { EntryInput, EntryResult } from '../../src/reentry/entry-simulation.js';
import type { RefinementEffects } from '../../src/reentry/refinement-effects.js';

interface ReentryFlags {
  preset?: string;
  mass?: string;
  diameter?: string;
  noseRadius?: string;
  cd?: string;
  speed?: string;
  fpa?: string;
  altitude?: string;
  atmosphere?: string;
  rotatingEarth?: boolean;
  latitude?: string;
  azimuth?: string;
  drogueMach?: string;
  drogueAltitude?: string;
  step?: string;
  sample?: string;
  cdMach?: string;
  cargo?: string;
  payloadFraction?: string;
  otherFraction?: string;
  compareRefinements?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** Engine field → the flag a user typed, so errors name what they can fix. */
const FLAG_OF: Record<string, string> = {
  massKg: '--mass',
  diameterM: '--diameter',
  noseRadiusM: '--nose-radius',
  cd: '--cd',
  speedKmS: '--speed',
  fpaRad: '--fpa',
  altitudeKm: '--altitude',
  atmosphere: '--atmosphere',
  latitudeRad: '--latitude',
  azimuthRad: '--azimuth',
  drogueMach: '--drogue-mach',
  drogueAltitudeKm: '--drogue-altitude',
  stepS: '--step',
  trajectoryEveryS: '--sample',
  cdMach: '--cd-mach',
};

export interface CapsuleCount {
  cargoKg: number;
  count: number;
  payloadPerCapsuleKg: number;
  capsuleMassKg: number;
  hardwareMassKg: number;
  totalMassKg: number;
  payloadFraction: number;
  tpsFraction: number;
  tpsMassKg: number;
  otherFraction: number;
  tpsCorrelation: string;
}

export type ReentryOutput = EntryResult & { preset: string | null; capsules?: CapsuleCount; refinements?: RefinementEffects };

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x), digits)}`;
const signedPct = (f: number) => `${f >= 0 ? '+' : '−'}${fmt(Math.abs(f) * 100, 1)} %`;

/** The refinements table: each case, and how far it moves the baseline. */
function renderRefinements(x: RefinementEffects, s: Style): string {
  const b = x.baseline;
  const drogue = (t: number | null) => (t === null ? 'not reached' : `${fmt(t, 1)} s`);
  const rows: Array<[string, string]> = [
    ['baseline', `${fmt(b.peakDecelG, 2)} g · ${fmt(b.peakHeatFluxWCm2, 0)} W/cm² · ${fmt(b.heatLoadJCm2, 0)} J/cm² · peak heating ${fmt(b.timeToPeakS, 1)} s · drogue ${drogue(b.timeToDrogueS)}  (non-rotating Earth, constant C_D)`],
    ...x.cases.map((c): [string, string] => [
      c.refinement,
      `${fmt(c.peakDecelG, 2)} g (${signedPct(c.delta.peakDecelFraction)}) · ${fmt(c.peakHeatFluxWCm2, 0)} W/cm² (${signedPct(c.delta.peakHeatFluxFraction)}) · ` +
        `${fmt(c.heatLoadJCm2, 0)} J/cm² (${signedPct(c.delta.heatLoadFraction)}) · peak heating ${fmt(c.timeToPeakS, 1)} s (${signed(c.delta.timeToPeakS, 1)} s) · ` +
        `drogue ${drogue(c.timeToDrogueS)}${c.delta.timeToDrogueS !== null ? ` (${signed(c.delta.timeToDrogueS, 1)} s)` : ''}`,
    ]),
  ];
  const what = [
    x.rotation ? `rotation at latitude ${fmt(x.rotation.latitudeDeg, 1)}°, azimuth ${fmt(x.rotation.azimuthDeg, 1)}°` : null,
    x.cdMachPoints ? `C_D(Mach) table of ${x.cdMachPoints} points` : null,
  ].filter(Boolean).join('; ');
  return [s.bold(`How much each refinement moves the result`) + s.dim(`  (${what})`), renderPairs(rows, '  ').trimEnd(), ...x.notes.map((n) => s.dim(`  note: ${n}`))].join('\n');
}

function renderText(r: ReentryOutput, s: Style): string {
  const a = r.assumptions;
  const e = r.entry;
  const machLimit = a.drogueDefinition.match(/Mach ≤ ([\d.]+)/)?.[1] ?? '';
  const head = s.bold(
    `Capsule entry${r.preset ? ` (${r.preset})` : ''}: ${a.massKg} kg, ⌀ ${a.diameterM} m, R_n ${a.noseRadiusM} m, C_D ${a.cd} — ${e.speedKmS} km/s at ${e.altitudeKm} km, γ ${fmt(e.fpaDeg, 2)}°`,
  );
  const pairs: Array<[string, string]> = [
    ['peak deceleration', `${fmt(r.peakDecelG, 1)} g at ${fmt(r.timeToPeakDecelS, 1)} s, ${fmt(r.peakDecelAltitudeKm, 1)} km  (integrated 3-DOF)`],
    ['peak heat flux', `${fmt(r.peakHeatFluxWCm2, 0)} W/cm² at ${fmt(r.timeToPeakS, 1)} s, ${fmt(r.peakHeatingAltitudeKm, 1)} km, ${fmt(r.speedAtPeakHeatingKmS, 2)} km/s  (Sutton–Graves stagnation)`],
    ['heat load', `${fmt(r.heatLoadJCm2, 0)} J/cm²`],
    ['peak dynamic pressure', `${fmt(r.peakDynamicPressureKPa, 1)} kPa`],
    ['ballistic coefficient', `${fmt(r.ballisticCoefficient, 1)} kg/m²`],
    [
      'drogue conditions',
      r.drogue
        ? `${fmt(r.drogue.timeS, 1)} s after entry, ${fmt(r.drogue.altitudeKm, 1)} km, Mach ${fmt(r.drogue.mach, 2)} — set by ` +
          (r.drogue.setBy === 'altitude'
            ? `the ${a.drogueDefinition.match(/altitude ≤ ([\d.]+) km/)?.[1] ?? fmt(r.drogue.altitudeKm, 1)} km altitude ceiling (Mach ${machLimit} was reached earlier, at ${fmt(r.drogue.machThresholdTimeS, 1)} s)`
            : `the Mach ${machLimit} limit${/altitude ≤/.test(a.drogueDefinition) ? ' (already below the altitude ceiling)' : ' (no altitude ceiling)'}`)
        : 'not reached',
    ],
    ['downrange', `${fmt(r.downrangeKm, 0)} km`],
    [s.dim('Allen–Eggers check'), s.dim(`${fmt(r.allenEggersPeakG, 1)} g closed form (H 7.2 km, no gravity: over-predicts shallow entries; not the result)`)],
  ];
  const assume: Array<[string, string]> = [
    ['atmosphere', a.atmosphere === 'us76' ? 'US Standard Atmosphere 1976' : 'exponential, ρ0 1.225 kg/m³, H 7.2 km'],
    ['Earth', a.gravity],
    ...(a.rotatingEarth ? [['relative entry state', `${fmt(e.relativeSpeedKmS, 3)} km/s, γ ${fmt(e.relativeFpaDeg, 2)}° (lat ${fmt(e.latitudeDeg, 1)}°, azimuth ${fmt(e.azimuthDeg, 1)}°)`] as [string, string]] : []),
    ['heating', a.heating],
    ['drogue', a.drogueDefinition],
    ['drogue source', a.drogueSource],
    ['integrator', `RK4, ${a.stepS} s step`],
  ];
  const blocks = [head, renderPairs(pairs, '  ').trimEnd()];
  if (r.capsules) {
    const c = r.capsules;
    blocks.push(
      s.bold(`Capsules for ${fmt(c.cargoKg, 0)} kg of cargo`),
      renderPairs([
        ['capsules', `${c.count} × ${c.capsuleMassKg} kg, ${fmt(c.payloadPerCapsuleKg, 2)} kg payload each (${fmt(c.payloadFraction * 100, 1)} %)`],
        ['heat shield', `${fmt(c.tpsFraction * 100, 1)} % = ${fmt(c.tpsMassKg, 2)} kg per capsule for the ${fmt(r.heatLoadJCm2, 0)} J/cm² above (${c.tpsCorrelation})`],
        ['structure etc.', `${fmt(c.otherFraction * 100, 0)} % (assumption)`],
        ['return-leg mass', `${fmt(c.totalMassKg, 0)} kg = ${fmt(c.hardwareMassKg, 0)} kg capsule hardware + cargo`],
      ], '  ').trimEnd(),
    );
  }
  if (r.refinements) blocks.push(renderRefinements(r.refinements, s));
  blocks.push(s.dim('Assumptions'), renderPairs(assume, '  ').trimEnd(), '');
  return blocks.join('\n');
}

function renderCsv(r: ReentryOutput): string {
  const rows = (r.trajectory ?? []).map((p) => [p.tS, p.altitudeKm, p.speedKmS, p.fpaDeg, p.mach, p.decelG, p.heatFluxWCm2]);
  return toCsv(['t_s', 'altitude_km', 'speed_km_s', 'fpa_deg', 'mach', 'decel_g', 'heat_flux_w_cm2'], rows);
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('reentry')
    .description('simulate one capsule entry: peak g, peak heating, heat load, drogue time (3-DOF, RK4)')
    .option('--preset <name>', 'heritage capsule: stardust, hayabusa, hayabusa2, osiris-rex, genesis (flags override its values)')
    .option('--mass <kg>', 'entry mass (e.g. 45.8 or "45.8 kg")')
    .option('--diameter <m>', 'maximum diameter (e.g. 0.811 or "81.1 cm")')
    .option('--nose-radius <m>', 'nose radius (e.g. 0.2202)')
    .option('--cd <n>', 'hypersonic drag coefficient (e.g. 1.5)')
    .option('--speed <kms>', 'inertial speed at the entry interface (e.g. 12.9 or "12.9 km/s")')
    .option('--fpa <deg>', 'inertial flight-path angle, negative = descending (e.g. -8.2 or "-8.2 deg")')
    .option('--altitude <km>', 'entry interface altitude (default 125)')
    .option('--atmosphere <model>', 'us76 | exponential (default us76)')
    .option('--rotating-earth', 'include Earth rotation (speed and γ are inertial; see --latitude, --azimuth)')
    .option('--latitude <deg>', 'latitude at the interface, with --rotating-earth (default 0)')
    .option('--azimuth <deg>', 'heading at the interface, clockwise from north, with --rotating-earth (default 90 = east)')
    .option('--drogue-mach <M>', 'drogue deployment Mach number (default 1.4, an assumed supersonic limit for a disk-gap-band drogue; Stardust opened at Mach 1.23)')
    .option('--drogue-altitude <km>', 'drogue deployment ceiling, km; "none" for Mach only (default 31, Stardust)')
    .option('--cd-mach <table>', 'Mach-dependent C_D as M:CD,M:CD,… (ascending Mach), or "preset" for the preset\'s published table')
    .option('--cargo <kg>', 'also size capsules of this design for a cargo: count, payload each, return-leg mass')
    .option('--payload-fraction <f>', 'with --cargo: target payload fraction of capsule mass (default 0.3; heritage 0.2–0.4)')
    .option('--other-fraction <f>', 'with --cargo: structure/parachute/avionics fraction (default 0.4)')
    .option('--compare-refinements', 'also report how much Earth rotation and a Mach-dependent C_D (--cd-mach, or the preset\'s table) each move peak g, heating and the drogue time (done automatically when --rotating-earth or --cd-mach is used)')
    .option('--step <s>', 'RK4 step, s (default 0.1)')
    .option('--sample <s>', 'trajectory sample interval for --csv / --json, s (default 1 with --csv, none otherwise)')
    .addHelpText(
      'after',
      `
Speed and flight-path angle are inertial at the interface (what a return trajectory delivers).
Peak deceleration is from the integrated trajectory; the Allen–Eggers closed form is shown only
as a cross-check. Drogue conditions: Mach ≤ 1.4 and altitude ≤ 31 km, whichever comes later
(31 km: Stardust's drogue opened at 31.03 km, Mach 1.23, 137.9 s after entry interface, Desai &
Qualls 2008; Mach 1.4 is an assumed supersonic-deployment limit). An entry that skips out of
the atmosphere, or never gets down to drogue conditions, is no solution: exit 3.

Examples:
  $ prospector reentry --mass 45.8 --diameter 0.811 --nose-radius 0.2202 --cd 1.5 --speed 12.9 --fpa -8.2
  $ prospector reentry --preset stardust --atmosphere exponential --json
  $ prospector reentry --preset genesis --speed "11.5 km/s" --fpa "-9 deg" --csv > genesis.csv
  $ prospector reentry --mass 100 --diameter 0.97 --nose-radius 0.26 --cd 1.5 --speed 12 --fpa -10 --cargo "10 t"
  $ prospector reentry --preset stardust --compare-refinements --latitude 41 --azimuth 110
`,
    );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (o: ReentryFlags) => {
    setExit(
      await runOutput(ctx, o, async () => {
        const [{ simulateEntry }, { capsulePreset }] = await Promise.all([import('../../src/reentry/entry-simulation.js'), import('../../src/reentry/capsules.js')]);
        const preset = o.preset !== undefined ? capsulePreset(o.preset, '--preset') : undefined;
        const need = (text: string | undefined, flag: string, fallback: number | undefined): string | number => {
          if (text !== undefined) return text;
          if (fallback !== undefined) return fallback;
          throw new InputError(`${flag}: required (or give --preset)`, flag);
        };
        const q = async (v: string | number, unit: string, flag: string, opts: { positive?: boolean } = {}) =>
          typeof v === 'number' ? v : parseQuantityFlag(v, unit, flag, opts);
        const massKg = await q(need(o.mass, '--mass', preset?.massKg), 'kg', '--mass', { positive: true });
        const diameterM = await q(need(o.diameter, '--diameter', preset?.diameterM), 'm', '--diameter', { positive: true });
        const noseRadiusM = await q(need(o.noseRadius, '--nose-radius', preset?.noseRadiusM), 'm', '--nose-radius', { positive: true });
        const cd = o.cd !== undefined ? parseNumber(o.cd, '--cd', { positive: true, max: 5 }) : (need(undefined, '--cd', preset?.cd) as number);
        const speedKmS = await q(need(o.speed, '--speed', preset?.entry.speedKmS), 'km/s', '--speed', { positive: true });
        const fpaDeg = await q(need(o.fpa, '--fpa', preset?.entry.fpaDeg), 'deg', '--fpa');
        if (fpaDeg > 0) throw new InputError(`--fpa: expected a flight-path angle ≤ 0 (negative = descending), got ${fpaDeg}°`, '--fpa');
        if (fpaDeg <= -90) throw new InputError(`--fpa: expected an angle above −90°, got ${fpaDeg}°`, '--fpa');
        const altitudeKm = o.altitude !== undefined ? await parseQuantityFlag(o.altitude, 'km', '--altitude', { positive: true }) : preset?.entry.altitudeKm;
        const atmosphere = o.atmosphere !== undefined ? parseChoice(o.atmosphere, '--atmosphere', ['us76', 'exponential'] as const) : undefined;
        const deg = Math.PI / 180;
        const latitude = o.latitude !== undefined ? await parseQuantityFlag(o.latitude, 'deg', '--latitude', { min: -89.9, max: 89.9 }) : undefined;
        const azimuth = o.azimuth !== undefined ? await parseQuantityFlag(o.azimuth, 'deg', '--azimuth', { min: -360, max: 360 }) : undefined;
        if ((latitude !== undefined || azimuth !== undefined) && !o.rotatingEarth && !o.compareRefinements) {
          throw new InputError('--latitude/--azimuth: only meaningful with --rotating-earth or --compare-refinements', latitude !== undefined ? '--latitude' : '--azimuth');
        }
        let drogueAltitudeKm: number | null | undefined;
        if (o.drogueAltitude !== undefined) drogueAltitudeKm = o.drogueAltitude.trim().toLowerCase() === 'none' ? null : await parseQuantityFlag(o.drogueAltitude, 'km', '--drogue-altitude', { positive: true });
        let cdMach: Array<[number, number]> | undefined;
        if (o.cdMach !== undefined) {
          if (o.cdMach.trim().toLowerCase() === 'preset') {
            if (!preset?.cdMach) throw new InputError(`--cd-mach: ${preset ? `preset ${preset.id} has no published C_D(Mach) table` : '"preset" needs --preset'}`, '--cd-mach');
            cdMach = preset.cdMach;
          } else {
            cdMach = o.cdMach.split(',').map((pair) => {
              const m = /^\s*([^:]+):([^:]+)\s*$/.exec(pair);
              if (!m) throw new InputError(`--cd-mach: expected M:CD pairs such as 10:1.5,20:1.48, got "${pair}"`, '--cd-mach');
              return [parseNumber(m[1], '--cd-mach', { min: 0 }), parseNumber(m[2], '--cd-mach', { positive: true, max: 5 })] as [number, number];
            });
          }
        }
        const sample = o.sample !== undefined ? await parseQuantityFlag(o.sample, 's', '--sample', { positive: true }) : o.csv ? 1 : undefined;
        const input: EntryInput = {
          massKg,
          diameterM,
          noseRadiusM,
          cd,
          speedKmS,
          fpaRad: fpaDeg * deg,
          altitudeKm,
          atmosphere,
          rotatingEarth: o.rotatingEarth ?? false,
          latitudeRad: latitude !== undefined ? latitude * deg : undefined,
          azimuthRad: azimuth !== undefined ? azimuth * deg : undefined,
          drogueMach: o.drogueMach !== undefined ? parseNumber(o.drogueMach, '--drogue-mach', { positive: true, max: 10 }) : undefined,
          drogueAltitudeKm,
          stepS: o.step !== undefined ? await parseQuantityFlag(o.step, 's', '--step', { positive: true, max: 2 }) : undefined,
          trajectoryEveryS: sample,
          cdMach,
        };
        let r: EntryResult;
        try {
          r = simulateEntry(input);
        } catch (err) {
          // Re-label engine field names with the flag the user typed.
          const base = err instanceof ProspectorError && err.field ? err.field.replace(/[.[].*$/, '') : '';
          if (err instanceof ProspectorError && err.field && FLAG_OF[base]) {
            throw new InputError(`${FLAG_OF[base]}: ${err.message}`, FLAG_OF[base]);
          }
          throw err;
        }
        // No entry, no solution: a capsule that skips out (or is still flying when the simulation
        // gives up) has no peak g, heating or drogue time worth printing.
        if (r.skippedOut || (r.drogue === null && r.endAltitudeKm > 0)) {
          const { shallowestCapturedFpaRad } = await import('../../src/reentry/skip-out-boundary.js');
          const edge = shallowestCapturedFpaRad(input);
          const fix = edge === null ? 'no flight-path angle down to −30° captures it at this speed' : `steepen --fpa to ${(Math.floor((edge / deg) * 100) / 100).toFixed(2)}° or below (the shallow edge of the entry corridor at ${speedKmS} km/s)`;
          const what = r.skippedOut
            ? `the capsule skips back out of the atmosphere after dipping to ${fmt(r.deepestAltitudeKm, 1)} km: no entry`
            : `the capsule is still at ${fmt(r.endAltitudeKm, 1)} km after ${fmt(r.durationS, 0)} s without reaching drogue conditions: no entry`;
          throw new NoSolutionError(`--fpa: at ${fmt(fpaDeg, 2)}° ${what}; ${fix}`, 'skip-out');
        }
        const result: ReentryOutput = { preset: preset?.id ?? null, ...r };
        if (o.rotatingEarth || cdMach || o.compareRefinements) {
          const { entryRefinementEffects } = await import('../../src/reentry/refinement-effects.js');
          const table = cdMach ?? (o.compareRefinements ? preset?.cdMach : undefined);
          const withRotation = o.rotatingEarth || o.compareRefinements;
          result.refinements = entryRefinementEffects(input, {
            rotation: withRotation ? { latitudeRad: (latitude ?? 0) * deg, azimuthRad: (azimuth ?? 90) * deg } : undefined,
            cdMach: table,
          });
          if (o.compareRefinements && !table) {
            result.refinements.notes.push(`no C_D(Mach) table to compare: give --cd-mach${preset ? ` (preset ${preset.id} has none)` : ' or a --preset that has one (stardust)'}`);
          }
        }
        if (o.cargo !== undefined) {
          const cargoKg = await parseQuantityFlag(o.cargo, 'kg', '--cargo', { min: 0 });
          const { capsulesForCargo } = await import('../../src/reentry/capsule-sizing.js');
          const { ballisticCoefficientKgM2 } = await import('../../src/reentry/capsules.js');
          const frac = (v: string | undefined, flag: string) => (v === undefined ? undefined : parseNumber(v, flag, { min: 0, max: 0.95 }));
          const payloadFraction = frac(o.payloadFraction, '--payload-fraction');
          if (payloadFraction === 0) throw new InputError('--payload-fraction: expected a fraction > 0', '--payload-fraction');
          const c = capsulesForCargo(
            cargoKg,
            {
              grossMassKg: massKg,
              ballisticCoefficientKgM2: ballisticCoefficientKgM2(massKg, cd, diameterM),
              cd,
              noseRadiusRatio: noseRadiusM / diameterM,
              payloadFraction,
              otherFraction: frac(o.otherFraction, '--other-fraction'),
              // Size on the very entry shown above (same atmosphere, rotation, C_D table, interface).
              entryOptions: { ...input, trajectoryEveryS: undefined },
            },
            speedKmS,
            fpaDeg * deg,
          );
          result.capsules = {
            cargoKg,
            count: c.count,
            payloadPerCapsuleKg: c.payloadPerCapsuleKg,
            capsuleMassKg: c.capsuleMassKg,
            hardwareMassKg: c.hardwareMassKg,
            totalMassKg: c.totalMassKg,
            payloadFraction: c.sizing.payloadFraction,
            tpsFraction: c.sizing.tpsFraction,
            tpsMassKg: c.sizing.tpsMassKg,
            otherFraction: c.sizing.otherFraction,
            tpsCorrelation: c.assumptions.tpsCorrelation,
          };
          for (const w of c.warnings) if (!result.warnings.includes(w)) result.warnings.push(w);
        } else if (o.payloadFraction !== undefined || o.otherFraction !== undefined) {
          throw new InputError('--payload-fraction/--other-fraction: only meaningful with --cargo', o.payloadFraction !== undefined ? '--payload-fraction' : '--other-fraction');
        }
        return { result, text: renderText, csv: renderCsv, warnings: result.warnings };
      }),
    );
  });
};
