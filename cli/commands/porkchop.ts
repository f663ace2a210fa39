// `prospector porkchop`: launch date × time-of-flight grid to (or from) one asteroid.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseDateRange, parseNumber, parseNumberRange } from '../parse.js';
import { fmt, renderPairs, renderTable } from '../format/table.js';
import { InputError } from '../../src/errors.js';
import { toCsv } from '../../src/export/csv.js';
import { shortIso } from './trip.js';

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

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('porkchop')
    .description('launch date × time-of-flight grid of ballistic transfers to (or from) an asteroid, with the minimum refined')
    .argument('<designation>', 'asteroid designation, name or number')
    .option('--launch <FROM..TO>', 'launch (departure) window, ISO dates')
    .option('--tof <MIN..MAX>', 'time of flight range, days')
    .option('--step <d>', 'grid step for launch date and time of flight, days', '1')
    .option('--max-revs <n>', 'revolutions (0 = direct arcs); each cell keeps the best of 0..N and both branches', '0')
    .option('--direction <out|back>', 'out: Earth → asteroid; back: asteroid → Earth', 'out')
    .option('--catalog <file>', 'asteroid catalog file (default: bundled)')
    .option('--svg <file>', 'write the porkchop plot (total Δv) as SVG')
    .option('--force', 'overwrite the --svg file if it exists')
    .option('--no-refine', 'report the grid minimum only (no refinement below the step)')
    .addHelpText(
      'after',
      `
Per cell: C3, departure v∞ and its declination (equatorial J2000), arrival v∞, Δv from a 400 km LEO
and the total Δv (LEO departure + rendezvous for "out"; departure + entry cap for "back").

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
        if (!opts.launch) throw new InputError('--launch: required, e.g. --launch 2027-01-01..2029-01-01', '--launch');
        if (!opts.tof) throw new InputError('--tof: required, e.g. --tof 60..400 (days)', '--tof');
        const [from, to] = parseDateRange(opts.launch, '--launch');
        const [tofMin, tofMax] = parseNumberRange(opts.tof, '--tof', { min: 0 });
        if (tofMin <= 0) throw new InputError('--tof: flight times must be > 0 days', '--tof');
        const step = parseNumber(opts.step, '--step', { positive: true });
        const maxRevs = parseNumber(opts.maxRevs, '--max-revs', { min: 0, max: 20, integer: true });
        const direction = parseChoice(opts.direction, '--direction', ['out', 'back'] as const);
        const { dateToJdTdb } = await import('../../src/astro/time.js');
        const { loadCatalog, findAsteroid } = await import('../../src/catalog/index.js');
        const target = findAsteroid(loadCatalog(opts.catalog), designation);
        const pk = await import('../../src/trajectory/porkchop.js');
        const pc = pk.porkchop(target, {
          direction,
          launchFromJd: dateToJdTdb(from),
          launchToJd: dateToJdTdb(to),
          tofMinDays: tofMin,
          tofMaxDays: tofMax,
          stepDays: step,
          maxRevs,
          refine: opts.refine !== false,
        });
        const seasons = pk.launchSeasons(pc);
        if (opts.svg) {
          const { porkchopSvg } = await import('../../src/trajectory/porkchop-svg.js');
          const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
          const { resolve } = await import('node:path');
          writeFileAtomic(resolve(ctx.cwd, opts.svg), porkchopSvg(pc), { force: opts.force, field: '--svg' });
        }
        const result = {
          designation: pc.designation,
          name: pc.name,
          direction: pc.direction,
          method: 'ballistic-lambert-grid',
          stepDays: pc.stepDays,
          maxRevs: pc.maxRevs,
          leoAltitudeKm: pc.leoAltitudeKm,
          grid: { launches: pc.launchJd.length, tofs: pc.tofDays.length, cells: pc.launchJd.length * pc.tofDays.length, solved: Array.from(pc.dvTotal).filter((v) => v >= 0).length },
          best: pc.best,
          bestGrid: pc.bestGrid,
          seasons,
          svg: opts.svg ?? null,
          warnings: pc.warnings,
          // Built only when printed (JSON serialises getters): text output does not need 10⁵ objects.
          get cells() {
            return pk.porkchopCells(pc);
          },
        };
        return {
          result,
          warnings: pc.warnings,
          csv: () =>
            toCsv(
              CSV_HEADER,
              result.cells.map((c) => [c.launch, c.tofDays, c.arrival, c.c3, c.vInfDepKmS, c.declinationDeg, c.vInfArrKmS, c.dvLeoKmS, c.entrySpeedKmS, c.dvTotalKmS, c.revs, c.branch]),
            ),
          text: (_r, s) => {
            const b = pc.best;
            const head = `${pc.name ? `${pc.name} (${pc.designation})` : pc.designation} — porkchop ${direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'}, ${result.grid.launches} × ${result.grid.tofs} cells (step ${step} d, 0–${maxRevs} rev)\n\n`;
            const best = renderPairs([
              [direction === 'out' ? 'launch' : 'departure', `${shortIso(b.launch)}  (${b.source === 'refined' ? 'refined below the grid step' : 'grid'})`],
              ['time of flight', `${fmt(b.tofDays, 1)} d → ${shortIso(b.arrival)} (${b.revs} rev${b.branch === 'single' ? '' : ', ' + b.branch})`],
              ['C3', `${fmt(b.c3, 2)} km²/s²  (v∞ ${fmt(b.vInfDepKmS)} km/s, declination ${fmt(b.declinationDeg, 1)}°)`],
              ['arrival v∞', `${fmt(b.vInfArrKmS)} km/s`],
              ...(b.dvLeoKmS !== null ? [['Δv from LEO', `${fmt(b.dvLeoKmS)} km/s`] as [string, string]] : []),
              ...(b.entrySpeedKmS !== null ? [['entry speed', `${fmt(b.entrySpeedKmS)} km/s`] as [string, string]] : []),
              ['Δv total', s.bold(`${fmt(b.dvTotalKmS)} km/s`) + (b.source === 'refined' ? `  (grid ${fmt(pc.bestGrid.dvTotalKmS)})` : '')],
            ], '  ');
            const seas = seasons.length
              ? '\nLaunch seasons (best Δv within 1 km/s of the minimum):\n' +
                renderTable(seasons, [
                  { header: 'from', value: (x) => x.from.slice(0, 10), align: 'left' },
                  { header: 'to', value: (x) => x.to.slice(0, 10), align: 'left' },
                  { header: 'best launch', value: (x) => x.best.launch.slice(0, 10), align: 'left' },
                  { header: 'TOF d', value: (x) => fmt(x.best.tofDays, 0) },
                  { header: 'Δv km/s', value: (x) => fmt(x.best.dvTotalKmS) },
                ])
              : '';
            return head + s.bold('Minimum') + '\n' + best + seas + (opts.svg ? `\nwrote ${opts.svg}\n` : '');
          },
        };
      }),
    );
  });
};
