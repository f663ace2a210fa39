// `prospector porkchop`: launch date × time-of-flight grid to (or from) one asteroid.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseDateRange, parseNumber, parseQuantityFlag, parseQuantityRange, readFlags } from '../parse.js';
import { fmt, renderPairs, renderTable } from '../format/table.js';
import { CancelledError, InputError } from '../../src/errors.js';
import { EXIT, errorCodeFor, errorMessage } from '../exit.js';
import { SCHEMA_VERSION } from '../format/json.js';
import { makeStyle, type Style } from '../format/style.js';
import { terminalProgress } from '../progress.js';
import { csvField, toCsv, type CsvValue } from '../../src/export/csv.js';
import { chunkedWriter, plainJsonAt, STREAM_SENTINEL, writeJsonDocument, writeJsonEnvelope } from '../format/stream.js';
import type { PorkchopBest, PorkchopCell, PorkchopCellGrid, PorkchopDirection } from '../../src/trajectory/porkchop.js';
import { shortIso } from './trip.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';
import { todayIso, type CliContext } from '../context.js';

interface PorkchopFlags {
  launch?: string;
  tof?: string;
  step?: string;
  maxRevs?: string;
  direction?: string;
  catalog?: string;
  svg?: string;
  force?: boolean;
  refine?: boolean;
  json?: boolean;
  csv?: boolean;
}

const CSV_HEADER = [
  'launch', 'tof_days', 'arrival', 'c3_km2_s2', 'v_inf_dep_km_s', 'declination_deg', 'v_inf_arr_km_s', 'dv_leo_km_s', 'entry_speed_km_s', 'dv_total_km_s', 'revs', 'branch',
];
/**
 * `--direction back`: the departure is from the asteroid, so the "C3" is v∞² relative to it (not an
 * Earth launch energy) and the declination is that of the asteroid-relative departure direction;
 * the columns say so, and the LEO Δv (always empty) is left out.
 */
const CSV_HEADER_BACK = [
  'launch', 'tof_days', 'arrival', 'v_dep_neo_km_s', 'neo_departure_c3_km2_s2', 'neo_departure_declination_deg', 'v_inf_arr_km_s', 'entry_speed_km_s', 'dv_total_km_s', 'revs', 'branch',
];

function csvRow(c: PorkchopCell, direction: PorkchopDirection): CsvValue[] {
  return direction === 'out'
    ? [c.launch, c.tofDays, c.arrival, c.c3, c.vInfDepKmS, c.declinationDeg, c.vInfArrKmS, c.dvLeoKmS, c.entrySpeedKmS, c.dvTotalKmS, c.revs, c.branch]
    : [c.launch, c.tofDays, c.arrival, c.vInfDepKmS, c.c3, c.declinationDeg, c.vInfArrKmS, c.entrySpeedKmS, c.dvTotalKmS, c.revs, c.branch];
}

/** A cell as printed in JSON: as the engine gives it for `out`, relabelled for `back` (see CSV_HEADER_BACK). */
function jsonCell(c: PorkchopCell, direction: PorkchopDirection): Record<string, unknown> {
  if (direction === 'out') return c as unknown as Record<string, unknown>;
  return {
    launchJd: c.launchJd,
    launch: c.launch,
    tofDays: c.tofDays,
    arrival: c.arrival,
    vDepNeoKmS: c.vInfDepKmS,
    neoDepartureC3: c.c3,
    neoDepartureDeclinationDeg: c.declinationDeg,
    vInfArrKmS: c.vInfArrKmS,
    entrySpeedKmS: c.entrySpeedKmS,
    dvTotalKmS: c.dvTotalKmS,
    revs: c.revs,
    branch: c.branch,
  };
}

function jsonBest(b: PorkchopBest, direction: PorkchopDirection): Record<string, unknown> {
  return direction === 'out' ? (b as unknown as Record<string, unknown>) : { ...jsonCell(b, direction), source: b.source, leg: b.leg };
}

/** What a stopped porkchop hands back in `details.partial` (src/trajectory/porkchop.ts `cancelledPorkchop`): the best grid cell so far. */
interface PartialPorkchop {
  launchesDone: number;
  launches: number;
  computedLaunchTo: string | null;
  best: { launch: string; tofDays: number; dvTotalKmS: number; c3: number; vInfArrKmS: number; revs: number; branch: string } | null;
}

interface Derived {
  dvLeo: (c3: number) => number;
  entry: (vInfKmS: number) => number;
}

function arrivalIso(launch: string, tofDays: number): string {
  return new Date(new Date(launch).getTime() + tofDays * 86400e3).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The CSV of a stopped run: the header and one row per solved cell of every launch date computed,
 * exactly as a full run writes them (a full run over just those launch dates gives the same
 * bytes). As for `trip`, the CSV itself carries no marker: the run exits 130 and says on stderr
 * how far it got. Written in bounded memory, and not stopped by the (already fired) signal; a
 * second Ctrl+C quits at once (cli/main.ts).
 */
async function writePartialCsv(ctx: Pick<CliContext, 'stdout'>, computed: PorkchopCellGrid | null, direction: PorkchopDirection, cells: (g: PorkchopCellGrid) => Iterable<PorkchopCell>): Promise<void> {
  const w = chunkedWriter(ctx.stdout);
  await w.write(toCsv(direction === 'out' ? CSV_HEADER : CSV_HEADER_BACK, []));
  if (computed) for (const c of cells(computed)) await w.write(csvLine(csvRow(c, direction)));
  await w.end();
}

/**
 * `--json` after Ctrl+C: the one document is the CANCELLED error envelope, as `reportError` writes
 * it (`{"schemaVersion":1,"error":{"code","message","partial",…,"warnings"}}`), with
 * `error.partial.cells` — every cell of the launch dates computed, as in a full run's
 * `result.cells` — streamed in bounded memory.
 */
async function writePartialJson(ctx: Pick<CliContext, 'stdout'>, err: CancelledError, cells: Iterable<unknown>): Promise<void> {
  const w = chunkedWriter(ctx.stdout);
  const partial = err.details?.partial as Record<string, unknown>;
  const error: Record<string, unknown> = { code: errorCodeFor(err), message: errorMessage(err), ...err.details, partial: { ...partial, cells: STREAM_SENTINEL } };
  if (err.warnings?.length) error.warnings = err.warnings;
  await writeJsonDocument(w.write, { schemaVersion: SCHEMA_VERSION, error }, 'cells', cells, plainJsonAt);
  await w.end();
}

function partialText(p: PartialPorkchop, target: { designation: string; name?: string }, direction: PorkchopDirection, step: number, maxRevs: number, d: Derived, s: Style): string {
  const name = target.name ? `${target.name} (${target.designation})` : target.designation;
  const head =
    `${name} — porkchop ${direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'} (step ${step} d, 0–${maxRevs} rev)\n` +
    s.yellow(`PARTIAL: interrupted after ${p.launchesDone} of ${p.launches} launch dates${p.computedLaunchTo ? ` (up to ${p.computedLaunchTo})` : ''}`) +
    '\n\n';
  const b = p.best;
  if (!b) return head + 'No transfer found yet.\n';
  const lines: [string, string][] = [
    [direction === 'out' ? 'launch' : 'departure', `${shortIso(b.launch)}  (grid, not refined)`],
    ['time of flight', `${fmt(b.tofDays, 1)} d → ${shortIso(arrivalIso(b.launch, b.tofDays))} (${b.revs} rev${b.branch === 'single' ? '' : ', ' + b.branch})`],
    direction === 'out'
      ? ['C3', `${fmt(b.c3, 2)} km²/s²  (v∞ ${fmt(Math.sqrt(b.c3))} km/s)`]
      : ['asteroid departure', `v∞ ${fmt(Math.sqrt(b.c3))} km/s relative to the asteroid`],
    [direction === 'out' ? 'arrival v∞' : 'arrival v∞ at Earth', `${fmt(b.vInfArrKmS)} km/s`],
    direction === 'out' ? ['Δv from LEO', `${fmt(d.dvLeo(b.c3))} km/s`] : ['entry speed', `${fmt(d.entry(b.vInfArrKmS))} km/s`],
    ['Δv total', s.bold(`${fmt(b.dvTotalKmS)} km/s`)],
  ];
  return head + s.bold('Minimum so far') + '\n' + renderPairs(lines, '  ');
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('porkchop')
    .description('launch date × time-of-flight grid of ballistic transfers to (or from) an asteroid, with the minimum refined')
    .argument('<designation>', 'asteroid designation, name or number')
    .option('--launch <FROM..TO>', 'launch (departure) window, ISO dates')
    .option('--tof <MIN..MAX>', 'time of flight range, days, or with units ("60 d..1.5 yr"; a bare start takes the end\'s unit: "0.5..2 yr")')
    .option('--step <d>', 'grid step for launch date and time of flight, days or with a unit ("12 h")', '1')
    .option('--max-revs <n>', 'revolutions (0 = direct arcs); each cell keeps the best of 0..N and both branches', '0')
    .option('--direction <out|back>', 'out: Earth → asteroid; back: asteroid → Earth', 'out')
    .option('--catalog <file>', CATALOG_FLAG_HELP)
    .option('--svg <file>', 'write the porkchop plot (total Δv) as SVG')
    .option('--force', 'overwrite the --svg file if it exists')
    .option('--no-refine', 'report the grid minimum only (no refinement below the step)')
    .addHelpText(
      'after',
      `
Per cell: C3, departure v∞ and its declination (equatorial J2000), arrival v∞, Δv from a 400 km LEO
and the total Δv (LEO departure + rendezvous for "out"; departure + entry cap for "back").
--tof and --step take days or quoted quantities with units ("60 d..1.5 yr", "12 h"). Ctrl+C keeps
the launch dates computed so far and exits 130: text shows their best cell (PARTIAL, not refined);
--csv writes every cell of them (the columns of a full run); --json writes the CANCELLED error
envelope with error.partial.best and error.partial.cells.

Examples:
  $ prospector porkchop "2000 SG344" --launch 2027-01-01..2030-12-31 --tof 60..420 --step 2 --svg sg344.svg
  $ prospector porkchop Bennu --launch 2030-01-01..2032-01-01 --tof 100..700 --step 4 --max-revs 1 --csv > bennu.csv
  $ prospector porkchop "1991 VG" --direction back --launch 2038-01-01..2039-12-31 --tof 30..400 --json
`,
    );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (designation: string, opts: PorkchopFlags) => {
    setExit(
      await runOutput(ctx, opts, async () => {
        // Given flags are checked before missing ones are reported (readFlags).
        const { launch, tof } = await readFlags(opts, {
          launch: { flag: '--launch', parse: parseDateRange, required: 'launch window FROM..TO, e.g. --launch 2027-01-01..2029-01-01' },
          tof: { flag: '--tof', parse: (t, f) => parseQuantityRange(t, 'd', f, { min: 0 }), required: 'flight times MIN..MAX in days, e.g. --tof 60..400 or --tof "60 d..1.5 yr"' },
        });
        const [from, to] = launch;
        const [tofMin, tofMax] = tof;
        if (tofMin <= 0) throw new InputError('--tof: flight times must be > 0 days', '--tof');
        const step = await parseQuantityFlag(opts.step, 'd', '--step', { positive: true });
        const maxRevs = parseNumber(opts.maxRevs, '--max-revs', { min: 0, max: 20, integer: true });
        const direction = parseChoice(opts.direction, '--direction', ['out', 'back'] as const);
        const { dateToJdTdb } = await import('../../src/astro/time.js');
        const pk = await import('../../src/trajectory/porkchop.js');
        const options = {
          direction,
          launchFromJd: dateToJdTdb(from),
          launchToJd: dateToJdTdb(to),
          tofMinDays: tofMin,
          tofMaxDays: tofMax,
          stepDays: step,
          maxRevs,
          refine: opts.refine !== false,
        };
        // Everything that would make the run useless is refused before the grid is computed: a
        // grid too large to hold, an --svg file that exists.
        pk.porkchopGridShape(options);
        let svgPath: string | null = null;
        if (opts.svg) {
          const { resolve } = await import('node:path');
          const { existsSync } = await import('node:fs');
          svgPath = resolve(ctx.cwd, opts.svg);
          if (existsSync(svgPath) && !opts.force) throw new InputError(`${opts.svg}: file exists; pass --force to overwrite`, '--svg');
        }
        const target = (await openCatalogFor(ctx, opts.catalog)).find(designation);
        // Yields to the event loop as it goes, so that Ctrl+C stops it (exit 130, best so far in the message).
        // On a terminal, a progress line on stderr; on Ctrl+C the best cell so far goes to stdout too.
        const line = opts.json ? null : terminalProgress(ctx, 'porkchop');
        let pc: Awaited<ReturnType<typeof pk.porkchopAsync>>;
        try {
          pc = await pk.porkchopAsync(target, options, { signal: ctx.signal, onProgress: line ? (p) => line.update(p.launchesDone, p.launches, 'launch dates') : undefined });
        } catch (e) {
          line?.done();
          const partial = e instanceof CancelledError ? (e.details?.partial as PartialPorkchop | undefined) : undefined;
          if (!partial) throw e;
          // Ctrl+C: keep what was computed (see the help text).
          const computed = e instanceof pk.PorkchopCancelledError ? e.computed : null;
          if (opts.json) {
            const cancelled = e as CancelledError;
            // The envelope is this command's one document: written here (streamed), then the
            // error line as reportError would print it, and exit 130 with nothing more on stdout.
            const jsonCells = computed ? mapIter(pk.iteratePorkchopCells(computed), (c) => jsonCell(c, direction)) : [];
            return {
              result: null,
              exitCode: EXIT.INTERRUPTED,
              streamJson: async () => {
                await writePartialJson(ctx, cancelled, jsonCells);
                ctx.stderr.write(`prospector: ${errorMessage(cancelled)}\n`);
              },
            };
          }
          if (opts.csv) {
            await writePartialCsv(ctx, computed, direction, pk.iteratePorkchopCells);
          } else {
            const { departureDvFromC3, entrySpeedKmS, LEO_ALTITUDE_KM, ENTRY_INTERFACE_ALTITUDE_KM } = await import('../../src/trajectory/delta-v.js');
            const derived = { dvLeo: (c3: number) => departureDvFromC3(c3, LEO_ALTITUDE_KM), entry: (v: number) => entrySpeedKmS(v, ENTRY_INTERFACE_ALTITUDE_KM) };
            ctx.stdout.write(partialText(partial, target, direction, step, maxRevs, derived, makeStyle(ctx.color)));
          }
          throw e;
        } finally {
          line?.done();
        }
        const seasons = pk.launchSeasons(pc);
        const { launchBeforeTodayWarning } = await import('../../src/trajectory/round-trip.js');
        const past = launchBeforeTodayWarning('--launch', { from: from.toISOString(), to: to.toISOString() }, todayIso(ctx));
        const warnings = past ? [past, ...pc.warnings] : pc.warnings;
        if (svgPath) {
          const { porkchopSvg } = await import('../../src/trajectory/porkchop-svg.js');
          const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
          writeFileAtomic(svgPath, porkchopSvg(pc), { force: opts.force, field: '--svg' });
        }
        const result = {
          designation: pc.designation,
          name: pc.name,
          direction: pc.direction,
          method: 'ballistic-lambert-grid',
          stepDays: pc.stepDays,
          maxRevs: pc.maxRevs,
          leoAltitudeKm: pc.leoAltitudeKm,
          grid: { launches: pc.launchJd.length, tofs: pc.tofDays.length, cells: pc.launchJd.length * pc.tofDays.length, solved: pk.solvedCellCount(pc) },
          best: jsonBest(pc.best, direction),
          bestGrid: jsonBest(pc.bestGrid, direction),
          seasons,
          svg: opts.svg ?? null,
          warnings,
        };
        const cells = () => {
          const it = pk.iteratePorkchopCells(pc);
          return direction === 'out' ? it : mapIter(it, (c) => jsonCell(c, direction));
        };
        return {
          result,
          warnings,
          // Cells are streamed (a 1826 × 1000 grid is 2.5 GB of JSON): the same bytes as one
          // JSON.stringify of the result with its `cells` array last, in bounded memory.
          streamJson: (write) => writeJsonEnvelope(write, result, 'cells', cells(), plainJsonAt),
          streamCsv: async (write) => {
            await write(toCsv(direction === 'out' ? CSV_HEADER : CSV_HEADER_BACK, []));
            for (const c of pk.iteratePorkchopCells(pc)) await write(csvLine(csvRow(c, direction)));
          },
          text: (_r, s) => {
            const b = pc.best;
            const head = `${pc.name ? `${pc.name} (${pc.designation})` : pc.designation} — porkchop ${direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'}, ${result.grid.launches} × ${result.grid.tofs} cells (step ${step} d, 0–${maxRevs} rev)\n\n`;
            const departure: [string, string][] =
              direction === 'out'
                ? [['C3', `${fmt(b.c3, 2)} km²/s²  (v∞ ${fmt(b.vInfDepKmS)} km/s, declination ${fmt(b.declinationDeg, 1)}°)`]]
                : [['asteroid departure', `v∞ ${fmt(b.vInfDepKmS)} km/s relative to the asteroid  (C3 ${fmt(b.c3, 2)} km²/s² relative to it, declination ${fmt(b.declinationDeg, 1)}° equatorial)`]];
            const best = renderPairs([
              [direction === 'out' ? 'launch' : 'departure', `${shortIso(b.launch)}  (${b.source === 'refined' ? 'refined below the grid step' : 'grid'})`],
              ['time of flight', `${fmt(b.tofDays, 1)} d → ${shortIso(b.arrival)} (${b.revs} rev${b.branch === 'single' ? '' : ', ' + b.branch})`],
              ...departure,
              [direction === 'out' ? 'arrival v∞' : 'arrival v∞ at Earth', `${fmt(b.vInfArrKmS)} km/s`],
              ...(b.dvLeoKmS !== null ? [['Δv from LEO', `${fmt(b.dvLeoKmS)} km/s`] as [string, string]] : []),
              ...(b.entrySpeedKmS !== null ? [['entry speed', `${fmt(b.entrySpeedKmS)} km/s`] as [string, string]] : []),
              ['Δv total', s.bold(`${fmt(b.dvTotalKmS)} km/s`) + (b.source === 'refined' ? `  (grid ${fmt(pc.bestGrid.dvTotalKmS)})` : '')],
            ], '  ');
            const seas = seasons.length
              ? `\n${direction === 'out' ? 'Launch' : 'Departure'} seasons (best Δv within 1 km/s of the minimum):\n` +
                renderTable(seasons, [
                  { header: 'from', value: (x) => x.from.slice(0, 10), align: 'left' },
                  { header: 'to', value: (x) => x.to.slice(0, 10), align: 'left' },
                  { header: direction === 'out' ? 'best launch' : 'best departure', value: (x) => x.best.launch.slice(0, 10), align: 'left' },
                  { header: 'TOF d', value: (x) => fmt(x.best.tofDays, 0) },
                  { header: 'Δv km/s', value: (x) => fmt(x.best.dvTotalKmS) },
                ])
              : '';
            if (opts.svg) ctx.stderr.write(`wrote ${opts.svg}\n`);
            return head + s.bold('Minimum') + '\n' + best + seas;
          },
        };
      }),
    );
  });
};

function* mapIter<A, B>(it: Iterable<A>, f: (a: A) => B): Generator<B, void, void> {
  for (const a of it) yield f(a);
}

/** One CSV record, as `toCsv` writes it. */
function csvLine(row: CsvValue[]): string {
  return row.map(csvField).join(',') + '\r\n';
}
