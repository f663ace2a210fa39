// `prospector target <designation|name|number>`: everything the catalog knows about one asteroid.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { fmt, fmtSig, fmtValueRange, renderPairs, renderTable } from '../format/table.js';
import type { Style } from '../format/style.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';
import { runInstant } from '../context.js';
import type { Asteroid } from '../../src/catalog/types.js';
import type { Composition, GradeDistribution } from '../../src/catalog/composition.js';
import type { PhysicalModel } from '../../src/catalog/physical-model.js';
import { targetRow, type TargetRow } from './targets.js';
import { renderWholeBodyImpact } from './market.js';
import type { WholeBodyMarketImpact } from '../../src/supply/whole-body-impact.js';

type Grade = Omit<GradeDistribution, 'components'>;

export interface TargetResult extends TargetRow {
  displayName: string;
  packed: string | null;
  isNea: boolean;
  pha: boolean | null;
  dvReason: string | null;
  /** Osculating elements (AU, degrees), heliocentric ecliptic J2000; epoch TDB. */
  elements: { epochJd: number; epoch: string; epochAgeDays: number; a: number; e: number; i: number; om: number; w: number; ma: number; q: number; Q: number };
  u: number | null;
  sizeBasis: string | null;
  size: { diameterSource: string | null; albedoLow: number | null; albedoHigh: number | null; albedoSource: string | null };
  massKg: number | null;
  massKgLow: number | null;
  massKgHigh: number | null;
  massSource: string | null;
  densityGcm3: { value: number; low: number; high: number; source: string } | null;
  spectral: { type: string | null; probabilities: Record<string, number> | null; source: string | null };
  composition: Omit<Composition, 'elements' | 'metalFraction'> & { metalFraction: Grade; elements: Record<string, Grade> };
  /** Whole-body market impact of the metal content (supply model, DESIGN §2.7); null without a mass. */
  marketImpact: WholeBodyMarketImpact | null;
  sources: Asteroid['sources'] | null;
  notes: string[];
  warnings: string[];
}

interface Opts {
  catalog?: string;
  json?: boolean;
}

function stripComponents(g: GradeDistribution): Grade {
  const { components: _c, ...rest } = g;
  return rest;
}

export function buildTargetResult(a: Asteroid, pm: PhysicalModel, comp: Composition, warnings: string[], nowJd: number, epochIso: string): TargetResult {
  const o = a.orbit;
  return {
    ...targetRow(a),
    displayName: a.displayName,
    packed: a.packed ?? null,
    isNea: a.isNea,
    pha: a.pha ?? null,
    dvReason: a.dvReason ?? null,
    elements: { epochJd: o.epochJd, epoch: epochIso, epochAgeDays: nowJd - o.epochJd, a: o.aAu, e: o.e, i: o.iDeg, om: o.omDeg, w: o.wDeg, ma: o.maDeg, q: o.aAu * (1 - o.e), Q: o.aAu * (1 + o.e) },
    u: a.u ?? null,
    sizeBasis: a.sizeBasis,
    size: {
      diameterSource: pm.diameterKm?.source ?? null,
      albedoLow: pm.albedo?.low ?? null,
      albedoHigh: pm.albedo?.high ?? null,
      albedoSource: pm.albedo?.source ?? null,
    },
    massKg: pm.massKg?.value ?? null,
    massKgLow: pm.massKg?.low ?? null,
    massKgHigh: pm.massKg?.high ?? null,
    massSource: pm.massKg?.source ?? null,
    densityGcm3: pm.densityGcm3,
    spectral: { type: pm.spectral.type, probabilities: pm.spectral.probabilities, source: pm.spectral.source },
    composition: {
      basis: comp.basis,
      analogues: comp.analogues,
      notes: comp.notes,
      metalFraction: stripComponents(comp.metalFraction),
      elements: Object.fromEntries(Object.entries(comp.elements).map(([k, g]) => [k, stripComponents(g)])),
    },
    marketImpact: null,
    sources: a.sources ?? null,
    notes: a.notes ?? [],
    warnings,
  };
}

function sci(x: number | null, sig: number): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toExponential(sig - 1);
}

/** TDB Julian date → "2021-07-08.0" (calendar date in TDB: the scale the epoch is given in). */
export function epochCalendar(jd: number): string {
  const d = new Date(Math.round((jd - 2440587.5) * 86400000));
  const frac = (jd - 0.5) - Math.floor(jd - 0.5);
  return `${d.toISOString().slice(0, 10)}${frac < 1e-9 ? '.0' : ''}`;
}

/** Grade for people: ppm below 0.1 wt%, else wt%. */
function gradeText(x: number, ppm: boolean): string {
  return ppm ? fmtSig(x * 1e6, 3) : fmtSig(x * 100, 3);
}

export function renderTarget(r: TargetResult, s: Style): string {
  const el = r.elements;
  const head = `${s.bold(r.displayName)}${r.number !== null && r.designation !== String(r.number) ? `  ${r.designation}` : ''}  ${r.orbitClass}${r.isNea ? ' NEA' : ''}${r.pha ? ' PHA' : ''}\n`;
  const ageYr = el.epochAgeDays / 365.25;
  const pairs: Array<[string, string]> = [
    ['orbit', `a ${fmt(el.a, 4)} AU  e ${fmt(el.e, 4)}  i ${fmt(el.i, 3)}°  Ω ${fmt(el.om, 3)}°  ω ${fmt(el.w, 3)}°  M ${fmt(el.ma, 3)}°  (q ${fmt(el.q, 3)}, Q ${fmt(el.Q, 3)} AU)`],
    ['epoch', `${el.epoch} TDB (JD ${el.epochJd}), ${fmt(Math.abs(ageYr), 1)} yr ${ageYr >= 0 ? 'ago' : 'ahead'}${r.u !== null ? `; MPC U ${r.u}` : ''}`],
    ['delta-v', r.dvKmS !== null ? `${fmt(r.dvKmS, 3)} km/s (Shoemaker–Helin rendezvous from LEO, Benner-compatible)` : `— (${r.dvReason ?? 'not an NEA'})`],
    ['H', fmt(r.H, 2)],
    ['diameter', r.diameterKm === null ? '—' : `${fmtValueRange(r.diameterKm, r.diameterKmLow, r.diameterKmHigh).replace(' (', ' km (')}, ${r.sizeBasis}: ${r.size.diameterSource ?? ''}`],
    ['albedo', r.albedo === null ? '—' : `${fmt(r.albedo, 3)} (${fmt(r.size.albedoLow, 3)}–${fmt(r.size.albedoHigh, 3)}), ${r.size.albedoSource ?? ''}`],
    [
      'class',
      `${r.spectral.type ?? 'unknown'}${r.spectral.probabilities ? `  [${Object.entries(r.spectral.probabilities).sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, p]) => `${k} ${fmt(p, 2)}`).join(', ')}]` : ''}${r.spectral.source ? `  (${r.spectral.source})` : ''}`,
    ],
    ['density', r.densityGcm3 ? `${fmt(r.densityGcm3.value, 2)} g/cm³ (${fmt(r.densityGcm3.low, 2)}–${fmt(r.densityGcm3.high, 2)}), ${r.densityGcm3.source}` : '—'],
    ['mass', r.massKg === null ? '—' : `${fmtValueRange(r.massKg, r.massKgLow, r.massKgHigh, { rangeSig: 2, format: (x, n) => sci(x, n) }).replace(' (', ' kg (')}, ${r.massSource ?? ''}`],
  ];
  let out = head + renderPairs(pairs, '  ');
  const c = r.composition;
  out += `\n${s.bold('composition')} (bulk, ${c.basis === 'class' ? 'by class' : c.basis === 'prior' ? 'C/S prior mix' : 'class-probability mix'}: ${c.analogues.map((x) => `${x.label}${x.probability < 1 ? ` ${fmt(x.probability * 100, 0)} %` : ''}`).join(' + ')})\n`;
  const rows = Object.entries(c.elements).map(([name, g]) => ({ name, g, ppm: Math.max(g.p90, g.mean) < 1e-3 }));
  out += renderTable(rows, [
    { header: '  element', value: (x) => `  ${x.name}`, align: 'left' },
    { header: 'P10', value: (x) => gradeText(x.g.p10, x.ppm) },
    { header: 'P50', value: (x) => gradeText(x.g.p50, x.ppm) },
    { header: 'P90', value: (x) => gradeText(x.g.p90, x.ppm) },
    { header: 'unit', value: (x) => (x.ppm ? 'ppm' : 'wt%'), align: 'left' },
    { header: 'source', value: (x) => (x.g.dist === 'mixture' ? 'mix of the analogues' : x.g.source.length > 60 ? x.g.source.slice(0, 59) + '…' : x.g.source), align: 'left' },
  ], { header: s.dim });
  out += `  metal fraction ${fmt(c.metalFraction.p10 * 100, 1)}–${fmt(c.metalFraction.p90 * 100, 1)} wt% (P10–P90)\n`;
  for (const n of c.notes) out += `  ${s.dim('note: ' + n)}\n`;
  if (r.marketImpact !== null) out += `\n${renderWholeBodyImpact(r.marketImpact, s)}`;
  if (r.notes.length) out += `\n${r.notes.map((n) => `  ${n}`).join('\n')}\n`;
  return out;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('target')
    .description('one asteroid: orbit with epoch, size range, mass, class, composition, delta-v and warnings')
    .argument('<designation...>', 'number (101955), name (Bennu), designation ("1999 RQ36"), both ("(101955) Bennu") or packed (J99R36Q)')
    .option('--catalog <file>', CATALOG_FLAG_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ prospector target Bennu
  $ prospector target "1999 RQ36" --json | jq .result.composition.elements.Pt
  $ prospector target Psyche
  $ prospector target 2000 SG344 --catalog nea_extended.json.gz
`,
    );
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (words: string[], o: Opts) => {
    setExit(
      await runOutput(ctx, o, async () => {
        const query = words.join(' ');
        const { physicalModel, compositionFor, targetWarnings } = await import('../../src/catalog/index.js');
        const { dateToJdTdb } = await import('../../src/astro/time.js');
        const a = (await openCatalogFor(ctx, o.catalog)).find(query);
        const nowJd = dateToJdTdb(runInstant(ctx));
        const warnings = targetWarnings(a, nowJd);
        const pm = physicalModel(a);
        const comp = compositionFor(a);
        const result = buildTargetResult(a, pm, comp, warnings, nowJd, epochCalendar(a.orbit.epochJd));
        if (pm.massKg) {
          // Whole-body market impact: contained metal in years of world supply, naive vs implied value.
          const { wholeBodyMarketImpact } = await import('../../src/supply/whole-body-impact.js');
          result.marketImpact = wholeBodyMarketImpact(pm.massKg.value, comp, { massKgLow: pm.massKg.low, massKgHigh: pm.massKg.high });
        }
        return { result, warnings, text: (r, s) => renderTarget(r, s) };
      }),
    );
  });
};
