// `prospector trip`: NHATS-style round trip to one asteroid — free search or one given trajectory.
import type { Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseDate, parseDateRange, parseNumber } from '../parse.js';
import { fmt, renderPairs } from '../format/table.js';
import { makeStyle, type Style } from '../format/style.js';
import { InputError, NoSolutionError } from '../../src/errors.js';
import type { CliContext } from '../context.js';
import { toCsv } from '../../src/export/csv.js';
import { addSpacecraftFlags, prepareTripIon, type SpacecraftFlagValues } from './propulsion.js';
import type { RoundTripResult, TripConstraints, TripSolution } from '../../src/trajectory/round-trip.js';

/** NHATS defaults as printed in --help (values from src/trajectory/round-trip.ts NHATS_DEFAULTS). */
const D = { launch: '2025-01-01..2045-12-31', maxDays: 450, minStay: 8, maxC3: 60, maxEntry: 12, maxDv: 12, step: 8, leo: 400, entry: 125 };

/** The constraint flags `trip` and `screen` share. */
export function addTripConstraintFlags(cmd: Command, opts: { maxRevsDefault: number }): Command {
  return cmd
    .option('--launch <FROM..TO>', `launch window, ISO dates (default ${D.launch}; trip also takes one DATE with --out-days …)`)
    .option('--max-days <d>', `total mission duration limit, days (default ${D.maxDays}; mining missions: up to ~3650)`)
    .option('--min-stay <d>', `minimum stay at the asteroid, days (default ${D.minStay})`)
    .option('--max-c3 <km2s2>', `Earth departure C3 limit, km²/s² (default ${D.maxC3})`)
    .option('--max-entry <kms>', `Earth entry speed limit, km/s; faster returns pay the Δv to meet it (default ${D.maxEntry})`)
    .option('--max-dv <kms>', `total Δv limit, km/s (default ${D.maxDv})`)
    .option('--step <d>', `grid step for launch dates, flight times and stays, days (default ${D.step})`)
    .option('--max-revs <n>', `revolutions per leg, 0 = direct arcs (default ${opts.maxRevsDefault})`)
    .option('--max-leg-days <d>', 'longest single leg, days (default: what --max-days and --min-stay leave, at most 730)')
    .option('--leo-altitude <km>', `circular parking orbit altitude, km (default ${D.leo})`)
    .option('--entry-altitude <km>', `entry interface altitude, km (default ${D.entry})`)
    .option('--catalog <file>', 'asteroid catalog (MPC NEA.txt/MPCORB.DAT, nea_extended.json[.gz], SBDB CSV); default: bundled');
}

export interface TripFlagValues {
  launch?: string;
  maxDays?: string;
  minStay?: string;
  maxC3?: string;
  maxEntry?: string;
  maxDv?: string;
  step?: string;
  maxRevs?: string;
  maxLegDays?: string;
  leoAltitude?: string;
  entryAltitude?: string;
  catalog?: string;
}

/** Flags → constraints (the launch window from --launch FROM..TO, or `single` when one date is given). */
export async function tripConstraintsFromFlags(o: TripFlagValues, opts: { maxRevsDefault: number; allowSingleDate?: boolean }): Promise<{ constraints: TripConstraints; singleLaunchJd?: number }> {
  const { dateToJdTdb } = await import('../../src/astro/time.js');
  const { resolveConstraints } = await import('../../src/trajectory/round-trip.js');
  let fromJd: number;
  let toJd: number;
  let singleLaunchJd: number | undefined;
  const launch = o.launch ?? D.launch;
  if (launch.includes('..')) {
    const [a, b] = parseDateRange(launch, '--launch');
    fromJd = dateToJdTdb(a);
    toJd = dateToJdTdb(b);
  } else if (opts.allowSingleDate) {
    singleLaunchJd = dateToJdTdb(parseDate(launch, '--launch'));
    fromJd = toJd = singleLaunchJd;
  } else {
    throw new InputError(`--launch: expected a window FROM..TO with ISO dates, got "${launch}"`, '--launch');
  }
  const num = (v: string | undefined, flag: string, p: Parameters<typeof parseNumber>[2] = {}) => (v === undefined ? undefined : parseNumber(v, flag, p));
  const constraints = resolveConstraints({
    launchFromJd: fromJd,
    launchToJd: toJd,
    maxDays: num(o.maxDays, '--max-days', { positive: true }),
    minStayDays: num(o.minStay, '--min-stay', { min: 0 }),
    maxC3: num(o.maxC3, '--max-c3', { min: 0 }),
    maxEntryKmS: num(o.maxEntry, '--max-entry', { positive: true }),
    maxDvKmS: num(o.maxDv, '--max-dv', { positive: true }),
    stepDays: num(o.step, '--step', { positive: true }),
    maxRevs: num(o.maxRevs, '--max-revs', { min: 0, max: 10, integer: true }) ?? opts.maxRevsDefault,
    maxLegDays: num(o.maxLegDays, '--max-leg-days', { positive: true }),
    leoAltitudeKm: num(o.leoAltitude, '--leo-altitude', { min: 100 }),
    entryAltitudeKm: num(o.entryAltitude, '--entry-altitude', { min: 0 }),
  });
  return { constraints, singleLaunchJd };
}

/** Constraints as printed in JSON: dates as ISO strings next to the Julian dates. */
export async function constraintsForOutput(c: TripConstraints): Promise<Record<string, unknown>> {
  const { jdToIsoDate } = await import('../../src/astro/time.js');
  return { ...c, launchFrom: jdToIsoDate(c.launchFromJd), launchTo: jdToIsoDate(c.launchToJd) };
}

const TRIP_CSV_HEADER = [
  'solution', 'launch', 'out_days', 'stay_days', 'return_days', 'total_days', 'c3_km2_s2', 'v_inf_dep_km_s', 'declination_deg',
  'dv_depart_km_s', 'v_arr_neo_km_s', 'v_dep_neo_km_s', 'v_inf_arr_earth_km_s', 'entry_speed_km_s', 'dv_entry_km_s', 'dv_total_km_s',
  'arrive_neo', 'depart_neo', 'return_earth',
];

export function tripCsvRow(label: string, t: TripSolution): (string | number)[] {
  return [
    label, t.launch, t.outDays, t.stayDays, t.returnDays, t.totalDays, t.c3, t.vInfDepKmS, t.declinationDeg, t.dvDepartKmS, t.vArrNeoKmS,
    t.vDepNeoKmS, t.vInfArrEarthKmS, t.entrySpeedKmS, t.dvEntryKmS, t.dvTotalKmS, t.arriveNea, t.departNea, t.returnEarth,
  ];
}

/** Dates to the minute for people: the grid has no meaning below that. */
export function shortIso(iso: string): string {
  const d = new Date(Math.round(new Date(iso).getTime() / 60000) * 60000).toISOString();
  return d.endsWith('T00:00:00.000Z') ? d.slice(0, 10) : d.slice(0, 16) + 'Z';
}

function tripBlock(title: string, t: TripSolution, s: Style): string {
  const lines: [string, string][] = [
    ['launch', `${shortIso(t.launch)}  (C3 ${fmt(t.c3, 2)} km²/s², v∞ ${fmt(t.vInfDepKmS)} km/s, declination ${fmt(t.declinationDeg, 1)}°)`],
    ['outbound', `${t.outDays} d → arrive ${shortIso(t.arriveNea)} (${t.legs.outbound.revs} rev${t.legs.outbound.branch === 'single' ? '' : ', ' + t.legs.outbound.branch})`],
    ['stay', `${t.stayDays} d → depart ${shortIso(t.departNea)}`],
    ['return', `${t.returnDays} d → Earth ${shortIso(t.returnEarth)} (${t.legs.inbound.revs} rev${t.legs.inbound.branch === 'single' ? '' : ', ' + t.legs.inbound.branch})`],
    ['total', `${t.totalDays} d`],
    ['Δv LEO departure', `${fmt(t.dvDepartKmS)} km/s`],
    ['Δv NEA arrival', `${fmt(t.vArrNeoKmS)} km/s`],
    ['Δv NEA departure', `${fmt(t.vDepNeoKmS)} km/s`],
    ['Δv entry cap', `${fmt(t.dvEntryKmS)} km/s  (v∞ ${fmt(t.vInfArrEarthKmS)} km/s, entry ${fmt(t.entrySpeedKmS)} km/s${t.dvEntryKmS > 0 ? `, ballistic ${fmt(t.entrySpeedBallisticKmS)}` : ''})`],
    ['Δv total', s.bold(`${fmt(t.dvTotalKmS)} km/s`)],
  ];
  return s.bold(title) + '\n' + renderPairs(lines, '  ');
}

export function renderTripText(r: RoundTripResult, s: Style, fixed: boolean): string {
  const head = `${r.name ? `${r.name} (${r.designation})` : r.designation} — ballistic round trip (Lambert legs, two-body orbits)\n\n`;
  if (fixed) return head + tripBlock('Trajectory', r.minDv, s);
  return head + tripBlock('Minimum Δv', r.minDv, s) + '\n' + tripBlock('Minimum duration', r.minDuration, s);
}

/**
 * One given trajectory. When it breaks a limit, its full breakdown is still printed (text or CSV on
 * stdout; `trajectory` and `violations` in the --json error envelope), then the exit-3 error names
 * the bound constraint; the orbit warnings go with the error either way.
 */
function evaluateFixedTrip(ctx: CliContext, opts: { json?: boolean; csv?: boolean }, evaluate: () => RoundTripResult): RoundTripResult {
  try {
    return evaluate();
  } catch (e) {
    const shown = e instanceof NoSolutionError ? (e.details?.trajectory as TripSolution | undefined) : undefined;
    if (shown && e instanceof NoSolutionError && !opts.json) {
      const violations = (e.details?.violations as Array<{ message: string }> | undefined) ?? [];
      const s = makeStyle(ctx.color);
      const head = { designation: e.details?.designation, name: e.details?.name, minDv: shown, minDuration: shown } as RoundTripResult;
      ctx.stdout.write(
        opts.csv
          ? toCsv(TRIP_CSV_HEADER, [tripCsvRow('trajectory', shown)])
          : renderTripText(head, s, true) + `\n${s.bold('Infeasible')}: ${violations.map((v) => v.message).join('; ')}\n`,
      );
    }
    throw e;
  }
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('trip')
    .description('NHATS-style round trip to an asteroid: minimum-Δv and minimum-duration trajectories (or one given trajectory)')
    .argument('<designation>', 'asteroid designation, name or number')
    .option('--out-days <d>', 'evaluate one trajectory: outbound flight time, days (with --launch DATE, --stay-days, --return-days)')
    .option('--stay-days <d>', 'stay at the asteroid, days')
    .option('--return-days <d>', 'return flight time, days');
  addTripConstraintFlags(cmd, { maxRevsDefault: 0 });
  cmd.option('--ion', 'add the solar-electric propulsion budget (max cargo, or --cargo checked) for the minimum-Δv or given trajectory');
  addSpacecraftFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Δv total = Δv from a ${D.leo} km LEO (from C3) + arrival and departure speeds relative to the asteroid
+ the Δv that caps Earth entry speed (NHATS method). Constraints default to NHATS's.

Examples:
  $ prospector trip "2000 SG344"                                    NHATS defaults, launch 2025–2045
  $ prospector trip "1991 VG" --launch 2020-01-05..2045-12-31 --json
  $ prospector trip "1991 VG" --launch 2039-05-01 --out-days 129 --stay-days 32 --return-days 225
  $ prospector trip Bennu --max-days 3650 --min-stay 500 --max-dv 15 --step 16   mining mission
  $ prospector trip "1991 VG" --launch 2039-05-01 --out-days 129 --stay-days 32 --return-days 225 \\
      --ion --dry-mass 747 --power "10 kW" --thrusters 3            ion propulsion: returnable cargo
`,
  );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (designation: string, opts: TripFlagValues & SpacecraftFlagValues & { ion?: boolean; outDays?: string; stayDays?: string; returnDays?: string; json?: boolean; csv?: boolean }) => {
    setExit(
      await runOutput(ctx, opts, async () => {
        const fixedFlags = [opts.outDays, opts.stayDays, opts.returnDays];
        const fixed = fixedFlags.some((v) => v !== undefined);
        if (fixed && fixedFlags.some((v) => v === undefined)) {
          throw new InputError('--out-days, --stay-days and --return-days go together (with --launch DATE)', '--out-days');
        }
        const ion = await prepareTripIon(opts, ctx.cwd);
        const { constraints, singleLaunchJd } = await tripConstraintsFromFlags(opts, { maxRevsDefault: 0, allowSingleDate: fixed });
        if (fixed && singleLaunchJd === undefined) throw new InputError('--launch: give one date (not a window) with --out-days', '--launch');
        if (!fixed && singleLaunchJd !== undefined) throw new InputError('--launch: one date needs --out-days, --stay-days and --return-days; for a search give FROM..TO', '--launch');
        const { loadCatalog, findAsteroid } = await import('../../src/catalog/index.js');
        const target = findAsteroid(loadCatalog(opts.catalog), designation);
        const rt = await import('../../src/trajectory/round-trip.js');
        const result = fixed
          ? evaluateFixedTrip(ctx, opts, () =>
              rt.evaluateTrip(target, constraints, {
                launchJd: singleLaunchJd!,
                outDays: parseNumber(opts.outDays, '--out-days', { positive: true }),
                stayDays: parseNumber(opts.stayDays, '--stay-days', { min: 0 }),
                returnDays: parseNumber(opts.returnDays, '--return-days', { positive: true }),
              }),
            )
          : // Yields to the event loop as it goes, so that Ctrl+C stops it (exit 130, best so far in the message).
            await rt.searchRoundTripsAsync(target, constraints, { signal: ctx.signal });
        const out = { ...result, constraints: await constraintsForOutput(result.constraints) };
        const ionRun = ion ? await ion.run(result.minDv, { aAu: target.orbit.aAu, iDeg: target.orbit.iDeg }) : null;
        return {
          result: ionRun ? { ...out, propulsion: ionRun.report } : out,
          warnings: [...result.warnings, ...(ionRun?.report.warnings ?? [])],
          text: (_r, s) => renderTripText(result, s, fixed) + (ionRun ? '\n' + ionRun.render(s) : ''),
          csv: () =>
            toCsv(TRIP_CSV_HEADER, fixed ? [tripCsvRow('trajectory', result.minDv)] : [tripCsvRow('min_dv', result.minDv), tripCsvRow('min_duration', result.minDuration)]),
        };
      }),
    );
  });
};
