// `prospector trip`: NHATS-style round trip to one asteroid — free search or one given trajectory.
import type { Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseDate, parseDateRange, parseNumber, parseQuantityFlag, type QuantityBounds } from '../parse.js';
import { fmt, renderPairs } from '../format/table.js';
import { makeStyle, type Style } from '../format/style.js';
import { CancelledError, InputError, NoSolutionError, ProspectorError } from '../../src/errors.js';
import { todayIso, type CliContext } from '../context.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';
import { toCsv } from '../../src/export/csv.js';
import { addSpacecraftFlags, prepareTripIon, type SpacecraftFlagValues } from './propulsion.js';
import type { RoundTripResult, TripConstraints, TripSolution } from '../../src/trajectory/round-trip.js';

/**
 * NHATS defaults as printed in --help (values from src/trajectory/round-trip.ts NHATS_DEFAULTS;
 * the default launch window starts at the later of launchFrom and today: defaultLaunchWindow).
 */
const D = { launchFrom: '2025-01-01', launchTo: '2045-12-31', maxDays: 450, minStay: 8, maxC3: 60, maxEntry: 12, maxDv: 12, step: 8, leo: 400, entry: 125 };

/** The constraint flags `trip` and `screen` share. */
export function addTripConstraintFlags(cmd: Command, opts: { maxRevsDefault: number }): Command {
  return cmd
    .option('--launch <FROM..TO>', `launch window, ISO dates (default: from today — or ${D.launchFrom} if later — to ${D.launchTo}; trip also takes one DATE with --out-days …)`)
    .option('--max-days <d>', `total mission duration limit, days or with a unit ("10 yr") (default ${D.maxDays}; mining missions: up to ~3650)`)
    .option('--min-stay <d>', `minimum stay at the asteroid, days or with a unit (default ${D.minStay})`)
    .option('--max-c3 <km2s2>', `Earth departure C3 limit, km²/s² or with a unit ("60 km^2/s^2") (default ${D.maxC3})`)
    .option('--max-entry <kms>', `Earth entry speed limit, km/s or with a unit; faster returns pay the Δv to meet it (default ${D.maxEntry})`)
    .option('--max-dv <kms>', `total Δv limit, km/s or with a unit ("12 km/s") (default ${D.maxDv})`)
    .option('--step <d>', `grid step for launch dates, flight times and stays, days or with a unit (default ${D.step})`)
    .option('--max-revs <n>', `revolutions per leg, 0 = direct arcs (default ${opts.maxRevsDefault})`)
    .option('--max-leg-days <d>', 'longest single leg, days or with a unit (default: what --max-days and --min-stay leave, at most 730)')
    .option('--leo-altitude <km>', `circular parking orbit altitude, km or with a unit (default ${D.leo})`)
    .option('--entry-altitude <km>', `entry interface altitude, km or with a unit (default ${D.entry})`)
    .option('--catalog <file>', CATALOG_FLAG_HELP);
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

/** The launch window a run used: `default` (today or 2025-01-01, whichever is later, to 2045-12-31) or `given` (--launch). */
export interface LaunchWindowUsed {
  from: string;
  to: string;
  basis: 'default' | 'given';
}

/**
 * Flags → constraints (the launch window from --launch FROM..TO, or `single` when one date is
 * given; without --launch the default window, which starts no earlier than `today`). `warnings`
 * holds the "launch dates before today" warning for a --launch that starts in the past.
 */
export async function tripConstraintsFromFlags(
  o: TripFlagValues,
  opts: { maxRevsDefault: number; allowSingleDate?: boolean; today: string },
): Promise<{ constraints: TripConstraints; singleLaunchJd?: number; launchWindow: LaunchWindowUsed; warnings: string[] }> {
  const { dateToJdTdb } = await import('../../src/astro/time.js');
  const { resolveConstraints, defaultLaunchWindow, launchBeforeTodayWarning } = await import('../../src/trajectory/round-trip.js');
  let fromJd: number;
  let toJd: number;
  let singleLaunchJd: number | undefined;
  let launchWindow: LaunchWindowUsed;
  const launch = o.launch;
  if (launch === undefined) {
    const w = defaultLaunchWindow(opts.today, '--launch');
    fromJd = dateToJdTdb(parseDate(w.from, '--launch'));
    toJd = dateToJdTdb(parseDate(w.to, '--launch'));
    launchWindow = { ...w, basis: 'default' };
  } else if (launch.includes('..')) {
    const [a, b] = parseDateRange(launch, '--launch');
    fromJd = dateToJdTdb(a);
    toJd = dateToJdTdb(b);
    launchWindow = { from: shortIso(a.toISOString()), to: shortIso(b.toISOString()), basis: 'given' };
  } else if (opts.allowSingleDate) {
    const d = parseDate(launch, '--launch');
    singleLaunchJd = dateToJdTdb(d);
    fromJd = toJd = singleLaunchJd;
    launchWindow = { from: shortIso(d.toISOString()), to: shortIso(d.toISOString()), basis: 'given' };
  } else {
    throw new InputError(`--launch: expected a window FROM..TO with ISO dates, got "${launch}"`, '--launch');
  }
  const past = launchWindow.basis === 'given' ? launchBeforeTodayWarning('--launch', launchWindow, opts.today) : null;
  // Dimensional flags: a bare number in the unit --help gives, or a quantity with a unit ("10 yr").
  const qty = (v: string | undefined, unit: string, flag: string, b: QuantityBounds) => (v === undefined ? undefined : parseQuantityFlag(v, unit, flag, b));
  const constraints = resolveConstraints({
    launchFromJd: fromJd,
    launchToJd: toJd,
    maxDays: await qty(o.maxDays, 'd', '--max-days', { positive: true }),
    minStayDays: await qty(o.minStay, 'd', '--min-stay', { min: 0 }),
    maxC3: await qty(o.maxC3, 'km^2/s^2', '--max-c3', { min: 0 }),
    maxEntryKmS: await qty(o.maxEntry, 'km/s', '--max-entry', { positive: true }),
    maxDvKmS: await qty(o.maxDv, 'km/s', '--max-dv', { positive: true }),
    stepDays: await qty(o.step, 'd', '--step', { positive: true }),
    maxRevs: o.maxRevs === undefined ? opts.maxRevsDefault : parseNumber(o.maxRevs, '--max-revs', { min: 0, max: 10, integer: true }),
    maxLegDays: await qty(o.maxLegDays, 'd', '--max-leg-days', { positive: true }),
    leoAltitudeKm: await qty(o.leoAltitude, 'km', '--leo-altitude', { min: 100 }),
    entryAltitudeKm: await qty(o.entryAltitude, 'km', '--entry-altitude', { min: 0 }),
  });
  return { constraints, singleLaunchJd, launchWindow, warnings: past ? [past] : [] };
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

export function renderTripText(r: RoundTripResult, s: Style, fixed: boolean, window?: LaunchWindowUsed): string {
  // The catalog's display name when the caller knows it: "(16) Psyche", not "Psyche (A852 FA)".
  const shown = (r as RoundTripResult & { displayName?: string }).displayName ?? (r.name ? `${r.name} (${r.designation})` : r.designation);
  const head = `${shown} — ballistic round trip (Lambert legs, two-body orbits)\n`;
  if (fixed) return head + '\n' + tripBlock('Trajectory', r.minDv, s);
  const searched = window ? `launch window ${window.from}..${window.to}${window.basis === 'default' ? ` (${defaultWindowNote(window)}; --launch FROM..TO to change)` : ''}\n` : '';
  return head + searched + '\n' + tripBlock('Minimum Δv', r.minDv, s) + '\n' + tripBlock('Minimum duration', r.minDuration, s);
}

/** Why a default window starts where it does: today, or the NHATS-style 2025-01-01 while that is later. */
export function defaultWindowNote(w: { from: string }): string {
  return w.from === D.launchFrom ? `the default: ${D.launchFrom} to ${D.launchTo}` : `the default: today to ${D.launchTo}`;
}

/**
 * One given trajectory. When it breaks a limit, its full breakdown is still printed (text or CSV on
 * stdout; `trajectory` and `violations` in the --json error envelope), then the exit-3 error names
 * the bound constraint; the orbit warnings go with the error either way.
 */
function evaluateFixedTrip(ctx: CliContext, opts: { json?: boolean; csv?: boolean; displayName?: string }, evaluate: () => RoundTripResult): RoundTripResult {
  try {
    return evaluate();
  } catch (e) {
    const shown = e instanceof NoSolutionError ? (e.details?.trajectory as TripSolution | undefined) : undefined;
    if (shown && e instanceof NoSolutionError && !opts.json) {
      const violations = (e.details?.violations as Array<{ message: string }> | undefined) ?? [];
      const s = makeStyle(ctx.color);
      const head = { designation: e.details?.designation, name: e.details?.name, displayName: opts.displayName, minDv: shown, minDuration: shown } as unknown as RoundTripResult;
      ctx.stdout.write(
        opts.csv
          ? toCsv(TRIP_CSV_HEADER, [tripCsvRow('trajectory', shown)])
          : renderTripText(head, s, true) + `\n${s.bold('Infeasible')}: ${violations.map((v) => v.message).join('; ')}\n`,
      );
    }
    throw e;
  }
}

/** What a stopped search hands back (src/trajectory/round-trip.ts `cancelledSearch`). */
interface PartialSearch {
  phase: 'outbound' | 'combine';
  launchesDone: number;
  launches: number;
  searchedLaunchTo: string | null;
  minDv: TripSolution | null;
  minDuration: TripSolution | null;
}

/**
 * A free search as the user sees it: a progress line on a terminal's stderr (never with --json),
 * and on Ctrl+C the best trips over the launch dates searched so far on stdout — text marked
 * PARTIAL, or the CSV rows found — before the exit-130 error line; --json keeps them in the
 * envelope's `error.partial` instead.
 */
async function searchWithProgress(
  ctx: CliContext,
  opts: { json?: boolean; csv?: boolean },
  target: { designation: string; name?: string; displayName?: string },
  search: (onProgress?: (p: { phase: 'outbound' | 'combine'; done: number; total: number }) => void) => Promise<RoundTripResult>,
): Promise<RoundTripResult> {
  const { terminalProgress } = await import('../progress.js');
  const line = opts.json ? null : terminalProgress(ctx, 'trip');
  try {
    return await search(line ? (p) => line.update(p.done, p.total, p.phase === 'outbound' ? 'outbound legs, launch dates' : 'round trips, launch dates') : undefined);
  } catch (e) {
    line?.done();
    const partial = e instanceof CancelledError ? (e.details?.partial as PartialSearch | undefined) : undefined;
    if (partial && !opts.json) ctx.stdout.write(opts.csv ? partialTripCsv(partial) : partialTripText(partial, target, makeStyle(ctx.color)));
    throw e;
  } finally {
    line?.done();
  }
}

function partialTripCsv(p: PartialSearch): string {
  const rows: (string | number)[][] = [];
  if (p.minDv) rows.push(tripCsvRow('min_dv', p.minDv));
  if (p.minDuration) rows.push(tripCsvRow('min_duration', p.minDuration));
  return toCsv(TRIP_CSV_HEADER, rows);
}

function partialTripText(p: PartialSearch, target: { designation: string; name?: string; displayName?: string }, s: Style): string {
  const shown = target.displayName ?? (target.name ? `${target.name} (${target.designation})` : target.designation);
  const where =
    p.phase === 'outbound'
      ? 'while computing the outbound legs, before any round trip was combined'
      : `after combining ${p.launchesDone} of ${p.launches} launch dates${p.searchedLaunchTo ? ` (up to ${p.searchedLaunchTo.slice(0, 10)})` : ''}`;
  let out = `${shown} — ballistic round trip (Lambert legs, two-body orbits)\n${s.yellow(`PARTIAL: interrupted ${where}`)}${p.phase === 'combine' ? '; best over the launch dates searched so far' : ''}\n`;
  if (p.minDv) out += '\n' + tripBlock('Minimum Δv (so far)', p.minDv, s);
  if (p.minDuration) out += '\n' + tripBlock('Minimum duration (so far)', p.minDuration, s);
  if (!p.minDv && !p.minDuration) out += `\n${p.phase === 'outbound' ? 'No round trips evaluated yet.' : 'No trip within the limits among them yet.'}\n`;
  return out;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('trip')
    .description('NHATS-style round trip to an asteroid: minimum-Δv and minimum-duration trajectories (or one given trajectory)')
    .argument('<designation>', 'asteroid designation, name or number')
    .option('--out-days <d>', 'evaluate one trajectory: outbound flight time, days or with a unit (with --launch DATE, --stay-days, --return-days)')
    .option('--stay-days <d>', 'stay at the asteroid, days or with a unit')
    .option('--return-days <d>', 'return flight time, days or with a unit');
  addTripConstraintFlags(cmd, { maxRevsDefault: 0 });
  cmd.option('--ion', 'add the solar-electric propulsion budget (max cargo, or --cargo checked) for the minimum-Δv or given trajectory');
  addSpacecraftFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Δv total = Δv from a ${D.leo} km LEO (from C3) + arrival and departure speeds relative to the asteroid
+ the Δv that caps Earth entry speed (NHATS method). Constraints default to NHATS's; the launch
window to ${D.launchFrom}..${D.launchTo} starting no earlier than today (UTC; PROSPECTOR_TODAY=YYYY-MM-DD
sets today for reproducible runs). A --launch that starts before today is kept, with a warning.

Durations, speeds, C3 and altitudes take a number in the unit shown or a quoted quantity with a
unit: --max-days "10 yr", --max-dv "12 km/s", --max-c3 "60 km^2/s^2", --out-days "18 weeks".
On a terminal a progress line shows on stderr; Ctrl+C prints the best trips so far (PARTIAL), exit 130.

Examples:
  $ prospector trip "2000 SG344"                                    NHATS defaults, launch from today to 2045
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
        const given = fixed
          ? {
              outDays: await parseQuantityFlag(opts.outDays, 'd', '--out-days', { positive: true }),
              stayDays: await parseQuantityFlag(opts.stayDays, 'd', '--stay-days', { min: 0 }),
              returnDays: await parseQuantityFlag(opts.returnDays, 'd', '--return-days', { positive: true }),
            }
          : null;
        const { constraints, singleLaunchJd, launchWindow, warnings: windowWarnings } = await tripConstraintsFromFlags(opts, { maxRevsDefault: 0, allowSingleDate: fixed, today: todayIso(ctx) });
        if (fixed && singleLaunchJd === undefined) throw new InputError('--launch: give one date (not a window) with --out-days', '--launch');
        if (!fixed && singleLaunchJd !== undefined) throw new InputError('--launch: one date needs --out-days, --stay-days and --return-days; for a search give FROM..TO', '--launch');
        const target = (await openCatalogFor(ctx, opts.catalog)).find(designation);
        const rt = await import('../../src/trajectory/round-trip.js');
        let result: RoundTripResult;
        try {
          result = fixed
            ? evaluateFixedTrip(ctx, { ...opts, displayName: target.displayName }, () =>
                rt.evaluateTrip(target, constraints, { launchJd: singleLaunchJd!, ...given! }),
              )
            : // Yields to the event loop as it goes, so that Ctrl+C stops it (exit 130, best so far in the message).
              await searchWithProgress(ctx, opts, target, (onProgress) => rt.searchRoundTripsAsync(target, constraints, { signal: ctx.signal, onProgress }));
        } catch (err) {
          // A window in the past still matters when nothing was found there.
          if (err instanceof ProspectorError && windowWarnings.length) err.warnings = [...windowWarnings, ...(err.warnings ?? [])];
          throw err;
        }
        const warnings = [...windowWarnings, ...result.warnings];
        const out = { ...result, warnings, constraints: { ...(await constraintsForOutput(result.constraints)), launchWindow: launchWindow.basis } };
        const ionRun = ion ? await ion.run(result.minDv, { aAu: target.orbit.aAu, iDeg: target.orbit.iDeg }) : null;
        return {
          result: ionRun ? { ...out, propulsion: ionRun.report } : out,
          warnings: [...warnings, ...(ionRun?.report.warnings ?? [])],
          text: (_r, s) => renderTripText({ ...result, displayName: target.displayName } as RoundTripResult, s, fixed, launchWindow) + (ionRun ? '\n' + ionRun.render(s) : ''),
          csv: () =>
            toCsv(TRIP_CSV_HEADER, fixed ? [tripCsvRow('trajectory', result.minDv)] : [tripCsvRow('min_dv', result.minDv), tripCsvRow('min_duration', result.minDuration)]),
        };
      }),
    );
  });
};
