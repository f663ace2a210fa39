// `prospector ephemeris <body> --date ISO`: heliocentric state of Earth or a catalog asteroid (DESIGN §4).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { fmt, renderPairs } from '../format/table.js';
import { InputError } from '../../src/errors.js';
import { parseChoice } from '../parse.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';
import { runInstant } from '../context.js';

type V3 = [number, number, number];

export interface EphemerisResult {
  body: string;
  /** UTC ISO date-time the state is for. */
  date: string;
  jdTdb: number;
  frame: 'ecliptic' | 'equatorial';
  positionAu: V3;
  velocityAuPerDay: V3;
  distanceAu: number;
  speedKmS: number;
  /** Days from the orbit's epoch to the date (null for Earth, which comes from a theory, not elements). */
  epochAgeDays: number | null;
  method: string;
  source: string;
  warnings: string[];
}

interface Opts {
  date?: string;
  frame?: string;
  catalog?: string;
  json?: boolean;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('ephemeris')
    .description('heliocentric position and velocity of Earth or an asteroid at a date (AU, AU/day; J2000)')
    .argument('<body...>', 'earth, or an asteroid: number, name, designation or packed designation')
    .option('--date <iso>', 'UTC date or date-time, e.g. 2026-05-01 or 2026-05-01T12:00Z (default: now; PROSPECTOR_TODAY=YYYY-MM-DD pins it to that day, 00:00 UTC)')
    .option('--frame <frame>', 'ecliptic (J2000, default) or equatorial (ICRF/J2000 axes)', 'ecliptic')
    .option('--catalog <file>', CATALOG_FLAG_HELP)
    .addHelpText(
      'after',
      `
Asteroids are propagated two-body from their catalog epoch; warnings say when that is unreliable
(old epoch, poor orbit, an Earth encounter in between). Earth comes from astronomy-engine
(VSOP87), ~2000 km from JPL Horizons.

Examples:
  $ prospector ephemeris earth --date 2026-05-01
  $ prospector ephemeris Bennu --date 2026-05-01 --frame equatorial --json
  $ prospector ephemeris "2000 SG344" --date 2028-01-01 --catalog nea_extended.json.gz
`,
    );
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (words: string[], o: Opts) => {
    setExit(
      await runOutput(ctx, o, async () => {
        const query = words.join(' ').trim();
        if (query === '') throw new InputError('<body>: expected earth or an asteroid designation', '<body>');
        const frame = parseChoice(o.frame, '--frame', ['ecliptic', 'equatorial'] as const);
        const { parseIsoToJdTdb, dateToJdTdb, jdToIso } = await import('../../src/astro/time.js');
        const jdTdb = o.date === undefined ? dateToJdTdb(runInstant(ctx)) : parseIsoToJdTdb(o.date, '--date');
        const { AU_KM, DAY_S } = await import('../../src/astro/constants.js');
        const { eclipticToEquatorial } = await import('../../src/astro/frames.js');
        let r: V3, v: V3;
        let body: string, method: string, source: string;
        let epochAgeDays: number | null = null;
        const warnings: string[] = [];
        if (query.toLowerCase() === 'earth') {
          const { earthState } = await import('../../src/astro/earth-ephemeris.js');
          ({ r, v } = earthState(jdTdb));
          body = 'Earth';
          method = 'astronomy-engine HelioState (VSOP87 + lunar theory)';
          source = 'astronomy-engine 2.1.19';
        } else {
          let catalog: typeof import('../../src/catalog/index.js');
          try {
            catalog = await import('../../src/catalog/index.js');
          } catch {
            throw new InputError(`<body>: only "earth" is available: the asteroid catalog module is not installed`, '<body>');
          }
          const { load: cat, find } = await openCatalogFor(ctx, o.catalog);
          const a = find(query);
          const { orbitState } = await import('../../src/astro/orbit.js');
          const { propagationWarnings } = await import('../../src/astro/propagation-warnings.js');
          ({ r, v } = orbitState(a.orbit, jdTdb));
          body = catalog.displayNameOf(a);
          method = 'two-body (Kepler) from the catalog osculating elements';
          source = cat.source;
          epochAgeDays = jdTdb - a.orbit.epochJd;
          warnings.push(...propagationWarnings(a.orbit, jdTdb, { u: a.u ?? null }));
          if (a.aRoundingAu !== undefined && a.aRoundingAu > 0) {
            // Rounded elements (SBDB query exports): the along-track error grows with the interval.
            const years = Math.abs(jdTdb - a.orbit.epochJd) / 365.25;
            const km = catalog.roundingDriftKmPerYear(a.orbit.aAu, a.aRoundingAu) * years;
            warnings.push(
              `coarse orbit: its source prints a to ±${a.aRoundingAu} AU; over the ${years.toFixed(1)} years from the epoch that alone can shift the position by up to ~${km >= 1e5 ? `${(km / 1e6).toFixed(2)} million` : Math.round(km).toLocaleString('en')} km`,
            );
          }
        }
        if (frame === 'equatorial') {
          r = eclipticToEquatorial(r);
          v = eclipticToEquatorial(v);
        }
        const kmsToAuDay = DAY_S / AU_KM;
        const result: EphemerisResult = {
          body,
          date: jdToIso(jdTdb),
          jdTdb,
          frame,
          positionAu: r.map((x) => x / AU_KM) as V3,
          velocityAuPerDay: v.map((x) => x * kmsToAuDay) as V3,
          distanceAu: Math.hypot(...r) / AU_KM,
          speedKmS: Math.hypot(...v),
          epochAgeDays,
          method,
          source,
          warnings,
        };
        return { result, warnings, text: (res, s) => renderEphemeris(res, s.bold) };
      }),
    );
  });
};

function renderEphemeris(r: EphemerisResult, bold: (s: string) => string): string {
  const vec = (x: V3, d: number) => x.map((c) => fmt(c, d)).join(', ');
  return (
    bold(`${r.body} at ${r.date} (JD ${fmt(r.jdTdb, 6)} TDB), heliocentric ${r.frame} J2000`) +
    '\n' +
    renderPairs([
      ['position (AU)', vec(r.positionAu, 9)],
      ['velocity (AU/day)', vec(r.velocityAuPerDay, 9)],
      ['distance (AU)', fmt(r.distanceAu, 9)],
      ['speed (km/s)', fmt(r.speedKmS, 6)],
      ['epoch age (days)', r.epochAgeDays === null ? '— (not from elements)' : fmt(r.epochAgeDays, 1)],
      ['method', r.method],
      ['source', r.source],
    ])
  );
}
