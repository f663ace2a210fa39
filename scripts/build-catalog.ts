/**
 * Builds the bundled catalog data/catalog/neas.bin (and SOURCES.md) from the reference files in
 * the shared data folder. Run: `npm run build:catalog [-- --shared DIR]` (DIR defaults to
 * ../shared, i.e. the folder holding data/neo, data/physical, data/taxonomy, data/ephemeris).
 *
 * Orbits: every input that has one (MPC nea_extended.json.gz 2021, MPC NEA.txt 2019, JPL SBDB
 * exports 2023 and 2025, JPL SBDB full-precision elements of a few famous NEAs); each object
 * takes the orbit with the newest epoch (at equal epochs the full-precision one), and records
 * which file it came from. Physical data merged by number (else designation): diameter/albedo
 * from SBDB 2025 > SBDB 2023 > Spitzer NEOs; spectral class from Mahlke 2022 (with class
 * probabilities) > SBDB spec_B > spec_T; then the measured figures of visited and radar-imaged
 * NEAs (data/catalog/measured-neas.json) replace the survey ones. Plus a few famous main-belt
 * targets with JPL SBDB elements.
 */
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNeaExtended } from '../src/catalog/parse-nea-extended.js';
import { parseMpcorb } from '../src/catalog/parse-mpcorb.js';
import { parseSbdbCsv, splitCsvLine } from '../src/catalog/parse-sbdb-csv.js';
import { readCatalogText } from '../src/catalog/parse-catalog.js';
import { encodeBundled } from '../src/catalog/bundled-format.js';
import { packNumber } from '../src/catalog/packed-designation.js';
import { NEA_MAX_Q_AU } from '../src/catalog/shoemaker-helin.js';
import type { CatalogRecord, OrbitElements } from '../src/catalog/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const args = process.argv.slice(2);
const sharedArg = args.indexOf('--shared');
const shared = resolve(sharedArg >= 0 ? args[sharedArg + 1] : join(repo, '..', 'shared'));
const dataDir = existsSync(join(shared, 'data', 'neo')) ? join(shared, 'data') : shared;
const f = (...p: string[]) => join(dataDir, ...p);
if (!existsSync(f('neo', 'nea_extended.json.gz'))) {
  process.stderr.write(`build-catalog: ${f('neo', 'nea_extended.json.gz')} not found (pass --shared DIR)\n`);
  process.exit(2);
}

const SRC = {
  neaExt: 'MPC nea_extended.json.gz (epoch 2021-07-08.0 TT, snapshot 2021-07-08)',
  neaTxt: 'MPC NEA.txt (epoch 2019-07-02.0 TT, snapshot 2019-07-02)',
  sbdb25: 'JPL SBDB export sbdb_pha_h22_moid005_2025.csv (2025-11)',
  sbdb23: 'JPL SBDB export sbdb_numbered_neo_2023.csv (2023-02)',
  famous: 'JPL SBDB elements, full precision (sbdb_famous_neas_elements.json)',
  spitzer: 'SpitzerNEOs, Trilling et al. 2010/2016 (spitzerneos.csv)',
  mahlke: 'Mahlke, Carry & Mattei 2022, A&A 665, A26 (class without feature flags; probabilities)',
};

/** Calendar date of a TDB Julian date, in TDB (as catalogues print epochs: 2461000.5 → 2025-11-21). */
const jdToIsoDate = (jd: number) => new Date(Math.round((jd - 2440587.5) * 86400000)).toISOString().slice(0, 10);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();
const keyOf = (r: { number?: number; designation: string }) => (r.number !== undefined ? `#${r.number}` : norm(r.designation));

// 1. Objects: nea_extended first (names, other designations), then NEA.txt-only objects.
const ext = parseNeaExtended(readCatalogText(f('neo', 'nea_extended.json.gz')), 'nea_extended.json.gz');
for (const r of ext.records) r.sources = { orbit: SRC.neaExt };
const byKey = new Map<string, CatalogRecord>();
const byDesig = new Map<string, CatalogRecord>();
const otherDesig = new Map<string, CatalogRecord>();
const index = (r: CatalogRecord) => {
  byKey.set(keyOf(r), r);
  byDesig.set(norm(r.designation), r);
  for (const d of r.otherDesignations ?? []) otherDesig.set(norm(d), r);
};
for (const r of ext.records) index(r);
let linked = 0;
const txt = parseMpcorb(readFileSync(f('neo', 'NEA.txt'), 'latin1'), 'NEA.txt');
let onlyInTxt = 0;
const records = ext.records;
const find = (number: number | undefined, desig: string | undefined): CatalogRecord | undefined =>
  (number !== undefined ? byKey.get(`#${number}`) : undefined) ?? (desig ? byDesig.get(norm(desig)) ?? otherDesig.get(norm(desig)) : undefined);

/** An orbit offered by one input for one object. */
interface OrbitCandidate {
  orbit: OrbitElements;
  source: string;
  H: number | null;
  u: number | null | undefined;
  aRoundingAu?: number;
  /** Preference at equal epochs (lower first): full precision before rounded exports. */
  rank: number;
}
const candidates = new Map<CatalogRecord, OrbitCandidate[]>();
const offer = (t: CatalogRecord, c: OrbitCandidate) => {
  const list = candidates.get(t);
  if (list) list.push(c);
  else candidates.set(t, [c]);
};
for (const r of ext.records) offer(r, { orbit: r.orbit, source: SRC.neaExt, H: r.H, u: r.u, rank: 1 });
for (const r of txt.records) {
  const hit = find(r.number, r.designation);
  if (hit) {
    if (!byKey.has(keyOf(r)) && !byDesig.has(norm(r.designation))) linked++; // an older designation of a known object
    offer(hit, { orbit: r.orbit, source: SRC.neaTxt, H: r.H, u: r.u, rank: 2 });
    continue;
  }
  r.sources = { orbit: SRC.neaTxt };
  index(r);
  records.push(r);
  offer(r, { orbit: r.orbit, source: SRC.neaTxt, H: r.H, u: r.u, rank: 2 });
  onlyInTxt++;
}

// 2. Newer orbits: the two SBDB exports (elements rounded to ~4 significant digits, flagged with
// aRoundingAu) and SBDB's full-precision elements of a few famous NEAs. Objects the MPC files
// lack (discovered or designated after them) join the catalog if they are NEAs.
const sbdb = [
  { file: 'sbdb_pha_h22_moid005_2025.csv', label: SRC.sbdb25, rank: 3 },
  { file: 'sbdb_numbered_neo_2023.csv', label: SRC.sbdb23, rank: 4 },
].map((x) => ({ ...x, parsed: parseSbdbCsv(readFileSync(f('neo', x.file), 'utf8'), x.file) }));
let newFromSbdb = 0;
for (const { parsed, label, rank } of sbdb) {
  for (const r of parsed.records) {
    let t = find(r.number, r.designation);
    if (!t) {
      if (!(r.orbit.aAu * (1 - r.orbit.e) < NEA_MAX_Q_AU)) continue;
      t = {
        designation: r.designation,
        number: r.number,
        name: r.name,
        packed: r.packed,
        orbit: r.orbit,
        H: r.H,
        u: r.u,
        pha: r.pha,
        sources: { orbit: label },
      };
      if (t.number === undefined) delete t.number;
      if (t.name === undefined) delete t.name;
      if (t.packed === undefined) delete t.packed;
      index(t);
      records.push(t);
      newFromSbdb++;
    }
    offer(t, { orbit: r.orbit, source: label, H: r.H, u: r.u, aRoundingAu: r.aRoundingAu, rank });
  }
}
const famousFile = f('ephemeris', 'sbdb_famous_neas_elements.json');
const famousElements = JSON.parse(readFileSync(famousFile, 'utf8')) as Array<{ designation: string; name: string; a: number; e: number; i: number; om: number; w: number; ma: number; epoch: number; H: number | null; condition_code: number | null }>;
for (const o of famousElements) {
  const num = /^\d+$/.test(o.designation) ? Number(o.designation) : undefined;
  const t = find(num, num === undefined ? o.designation : undefined);
  if (!t) throw new Error(`build-catalog: ${o.designation} ${o.name} of ${famousFile} is not in the catalog`);
  offer(t, { orbit: { epochJd: o.epoch, aAu: o.a, e: o.e, iDeg: o.i, omDeg: o.om, wDeg: o.w, maDeg: o.ma }, source: SRC.famous, H: o.H, u: o.condition_code, rank: 0 });
}

// Newest epoch wins; at equal epochs the full-precision source (lower rank). H comes from the
// newest file that gives one (JPL 2025 > JPL 2023 > MPC 2021 > MPC 2019), whatever the orbit's epoch:
// JPL keeps Bennu's orbit at its 2011 epoch but its H is the 2025 one.
const H_ORDER = [SRC.famous, SRC.sbdb25, SRC.sbdb23, SRC.neaExt, SRC.neaTxt];
const orbitCounts: Record<string, number> = {};
for (const [t, list] of candidates) {
  const withH = list.filter((c) => c.H !== null).sort((x, y) => H_ORDER.indexOf(x.source) - H_ORDER.indexOf(y.source));
  if (withH.length) t.H = withH[0].H;
  list.sort((x, y) => y.orbit.epochJd - x.orbit.epochJd || x.rank - y.rank);
  const best = list[0];
  t.orbit = best.orbit;
  if (best.u !== undefined) t.u = best.u;
  if (best.aRoundingAu !== undefined) t.aRoundingAu = best.aRoundingAu;
  else delete t.aRoundingAu;
  t.sources = { ...t.sources, orbit: `${best.source}, epoch ${jdToIsoDate(best.orbit.epochJd)}` };
  orbitCounts[best.source] = (orbitCounts[best.source] ?? 0) + 1;
}

// 3. Diameters, albedos, SBDB spectral labels (the newest SBDB file first; never overwrite).
let nDiam = 0, nAlb = 0, nSpecSbdb = 0;
for (const { parsed, label } of sbdb) {
  for (const r of parsed.records) {
    const t = find(r.number, r.designation);
    if (!t) continue;
    t.sources ??= {};
    if (r.measuredDiameterKm && t.measuredDiameterKm == null) {
      t.measuredDiameterKm = r.measuredDiameterKm;
      t.sources.diameter = label;
      nDiam++;
      if (r.measuredAlbedo && t.measuredAlbedo == null) {
        t.measuredAlbedo = r.measuredAlbedo;
        t.sources.albedo = label;
        nAlb++;
      }
    } else if (r.measuredAlbedo && t.measuredAlbedo == null && t.measuredDiameterKm == null) {
      t.measuredAlbedo = r.measuredAlbedo;
      t.sources.albedo = label;
      nAlb++;
    }
    if (r.spectralType && !t.spectralType) {
      t.spectralType = r.spectralType;
      t.sources.spectral = `${label}, ${r.sources?.spectral?.includes('spec_B') ? 'spec_B (SMASSII)' : 'spec_T (Tholen)'}`;
      nSpecSbdb++;
    }
  }
}

// 4. Spitzer NEOs: best (smallest relative 1σ) of the repeated observations per object.
let nSpitzer = 0;
{
  const lines = readFileSync(f('physical', 'spitzerneos.csv'), 'utf8').split('\n');
  const h = splitCsvLine(lines[0]);
  const c = (name: string) => h.indexOf(name);
  const best = new Map<CatalogRecord, { d: number; lo: number; hi: number; pv: number; pvs: number; rel: number }>();
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const v = splitCsvLine(line);
    const num = v[c('number')] ? Number(v[c('number')]) : undefined;
    const t = find(Number.isFinite(num) ? num : undefined, v[c('desig')]);
    const d = Number(v[c('diam')]);
    if (!t || !(d > 0)) continue;
    const lo = Math.abs(Number(v[c('d1sigl')])), hi = Math.abs(Number(v[c('d1sigu')]));
    const pv = Number(v[c('pv')]);
    const pvs = 0.5 * (Math.abs(Number(v[c('pv1sigl')])) + Math.abs(Number(v[c('pv1sigu')])));
    const rel = (lo + hi) / d;
    const prev = best.get(t);
    if (!prev || rel < prev.rel) best.set(t, { d, lo, hi, pv, pvs, rel });
  }
  for (const [t, b] of best) {
    if (t.measuredDiameterKm != null) continue;
    t.measuredDiameterKm = b.d;
    t.diameterKmSigmaLow = b.lo;
    t.diameterKmSigmaHigh = b.hi;
    t.sources = { ...t.sources, diameter: SRC.spitzer };
    if (b.pv > 0) {
      t.measuredAlbedo = b.pv;
      t.albedoSigma = b.pvs > 0 ? b.pvs : null;
      t.sources.albedo = SRC.spitzer;
    }
    nSpitzer++;
  }
}

// 5. Mahlke 2022 classes with probabilities (preferred over SBDB labels).
let nMahlke = 0;
const mahlkeRows = new Map<string, { cls: string; probs: Record<string, number> }>();
{
  const lines = readFileSync(f('taxonomy', 'mahlke2022_class_asteroids.csv'), 'utf8').split('\n');
  const h = splitCsvLine(lines[0]);
  const probCols = h.map((name, j) => [name, j] as const).filter(([name]) => /^class_[A-Z]$/.test(name));
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const v = splitCsvLine(line);
    const name = v[h.indexOf('name')];
    const numS = v[h.indexOf('number')];
    const cls = v[h.indexOf('class_sf')] || v[h.indexOf('class_')];
    const probs: Record<string, number> = {};
    for (const [col, j] of probCols) {
      const p = Number(v[j]);
      if (p >= 0.005) probs[col.slice(6)] = Number(p.toFixed(3));
    }
    mahlkeRows.set(numS ? `#${numS}` : norm(name), { cls, probs });
    const t = numS ? byKey.get(`#${numS}`) : byDesig.get(norm(name)) ?? otherDesig.get(norm(name));
    if (!t || !cls) continue;
    t.spectralType = cls;
    t.spectralProbabilities = probs;
    t.sources = { ...t.sources, spectral: SRC.mahlke };
    nMahlke++;
  }
}

// 6. Measured NEAs (spacecraft and radar): their published size, albedo and mass replace the
// survey and model figures. mass / volume must give the published bulk density.
interface Measured {
  number: number;
  name: string;
  massKg?: number;
  massKgSigma?: number;
  massSource?: string;
  densityGcm3?: number;
  densitySigma?: number;
  diameterKm: number;
  diameterKmSigma: number;
  diameterSource: string;
  albedo?: number;
  albedoSigma?: number;
  albedoSource?: string;
}
const measuredFile = join(repo, 'data', 'catalog', 'measured-neas.json');
const measured = (JSON.parse(readFileSync(measuredFile, 'utf8')) as { objects: Measured[] }).objects;
for (const m of measured) {
  const t = byKey.get(`#${m.number}`);
  if (!t || t.name !== m.name) throw new Error(`build-catalog: ${measuredFile}: ${m.number} ${m.name} is not in the catalog under that name`);
  t.measuredDiameterKm = m.diameterKm;
  t.diameterKmSigmaLow = t.diameterKmSigmaHigh = m.diameterKmSigma;
  t.sources = { ...t.sources, diameter: m.diameterSource };
  if (m.albedo !== undefined) {
    t.measuredAlbedo = m.albedo;
    t.albedoSigma = m.albedoSigma ?? null;
    t.sources.albedo = m.albedoSource;
  } else if (t.measuredAlbedo != null) {
    // A survey albedo belongs to the survey's diameter: drop it; H and the measured size imply one.
    delete t.measuredAlbedo;
    delete t.albedoSigma;
    delete t.sources.albedo;
  }
  if (m.massKg !== undefined) {
    t.measuredMassKg = m.massKg;
    t.massKgSigma = m.massKgSigma ?? null;
    t.sources.mass = m.massSource;
    if (m.densityGcm3 !== undefined) {
      const rho = (m.massKg / ((Math.PI / 6) * (m.diameterKm * 1e3) ** 3)) / 1e3;
      const tol = 3 * Math.hypot(m.densitySigma ?? 0, m.densityGcm3 * (3 * m.diameterKmSigma) / m.diameterKm);
      if (Math.abs(rho - m.densityGcm3) > tol) throw new Error(`build-catalog: ${m.name}: mass/volume gives ${rho.toFixed(3)} g/cm³, the published bulk density is ${m.densityGcm3} ± ${m.densitySigma}`);
    }
  }
}

// 7. Famous main-belt targets, with JPL SBDB elements (heliocentric ecliptic J2000, epoch JD
// 2461200.5 TDB = 2026-06-09).
function mb(o: { number: number; name: string; designation: string; a: number; e: number; i: number; om: number; w: number; ma: number; epochJd: number; H: number; source: string }): CatalogRecord {
  return {
    designation: o.designation,
    number: o.number,
    name: o.name,
    packed: packNumber(o.number),
    orbit: { epochJd: o.epochJd, aAu: o.a, e: o.e, iDeg: o.i, omDeg: o.om, wDeg: o.w, maDeg: o.ma },
    H: o.H,
    u: 0,
    sources: { orbit: `${o.source}, epoch ${jdToIsoDate(o.epochJd)}` },
  };
}
// Carry 2012 compiled mass estimates → weighted mean, σ = max(formal, weighted scatter).
function carryMass(number: number): { mean: number; sigma: number; n: number } {
  const rows = readFileSync(f('physical', 'carry2012_masses.txt'), 'latin1').split('\n').map((l) => l.trim().split(/\s+/)).filter((r) => Number(r[0]) === number);
  let sw = 0, s = 0;
  for (const r of rows) {
    const w = 1 / Number(r[3]) ** 2;
    sw += w;
    s += w * Number(r[2]);
  }
  const mean = s / sw;
  const scatter = Math.sqrt(rows.reduce((acc, r) => acc + (Number(r[2]) - mean) ** 2 / Number(r[3]) ** 2, 0) / sw);
  return { mean, sigma: Math.max(Math.sqrt(1 / sw), scatter), n: rows.length };
}
const G_SI = 6.6743e-11; // CODATA 2018, m³ kg⁻¹ s⁻²
const psycheMass = carryMass(16);
// Psyche: orbit solution JPL 92 (https://ssd-api.jpl.nasa.gov/sbdb.api?sstr=20000016); M = n·(epoch − tp)
// from the same solution's n and tp.
const PSYCHE_EPOCH = 2461200.5;
const psycheN = 0.1969494758, psycheTp = 2460795.475337;
const psyche = mb({
  number: 16, name: 'Psyche', designation: 'A852 FA', epochJd: PSYCHE_EPOCH,
  a: 2.92572047, e: 0.134932474, i: 3.098749, om: 149.975386, w: 230.032678,
  ma: Number(((((psycheN * (PSYCHE_EPOCH - psycheTp)) % 360) + 360) % 360).toFixed(6)),
  H: 6.2, source: 'JPL SBDB orbit JPL 92 (sbdb.api?sstr=20000016)',
});
// Mass: GM 1.601 ± 0.017 km³/s² (Farnocchia et al. 2024, AJ 168, 21; JPL SBDB physical data),
// bulk density 4.172 ± 0.145 g/cm³ with the 222 km diameter of Shepard et al. 2021.
const PSYCHE_GM = 1.601, PSYCHE_GM_SIGMA = 0.017;
Object.assign(psyche, {
  measuredDiameterKm: 222, diameterKmSigmaLow: 1, diameterKmSigmaHigh: 4,
  measuredMassKg: Number(((PSYCHE_GM * 1e9) / G_SI).toPrecision(4)), massKgSigma: Number(((PSYCHE_GM_SIGMA * 1e9) / G_SI).toPrecision(2)),
  spectralType: mahlkeRows.get('#16')?.cls ?? 'M', spectralProbabilities: mahlkeRows.get('#16')?.probs ?? null,
  notes: [
    "Target of NASA's Psyche mission (launched 2023-10-13, Hall-effect thrusters, arrival 2029).",
    'Bulk density 4.17 ± 0.15 g/cm³ (Farnocchia et al. 2024): metal-rich but mixed with silicates or porous, not a bare iron core (iron meteorites ≈ 7.5 g/cm³).',
    `Other mass figures: bulk density 3.4–4.1 g/cm³ (Elkins-Tanton et al. 2020) → 1.95–2.35e19 kg; weighted mean of the ${psycheMass.n} estimates compiled by Carry 2012 → ${psycheMass.mean.toExponential(2)} ± ${psycheMass.sigma.toExponential(1)} kg.`,
  ],
});
psyche.sources = {
  ...psyche.sources,
  diameter: 'Shepard et al. 2021, PSJ 2, 125 (D 222 −1/+4 km; JPL SBDB)',
  mass: 'GM 1.601 ± 0.017 km³/s², Farnocchia et al. 2024, AJ 168, 21 (JPL SBDB)',
  spectral: SRC.mahlke,
};
// Ceres and Vesta: full-precision JPL SBDB elements (sbdb.api?full-prec=true).
const ceres = mb({
  number: 1, name: 'Ceres', designation: 'A801 AA', epochJd: 2461200.5,
  a: 2.765552595034094, e: 0.07969229514816586, i: 10.58802780183462, om: 80.24862682043221, w: 73.29421453021587, ma: 274.4193463761342,
  H: 3.34, source: 'JPL SBDB orbit JPL 48 (sbdb.api?full-prec=true&sstr=1)',
});
Object.assign(ceres, {
  measuredDiameterKm: 939.4, diameterKmSigmaLow: 0.2, diameterKmSigmaHigh: 0.2, measuredAlbedo: 0.09,
  measuredMassKg: Number(((62.6284e9) / G_SI).toPrecision(5)), massKgSigma: Number(((0.0009e9) / G_SI).toPrecision(2)),
  spectralType: mahlkeRows.get('#1')?.cls ?? 'C', spectralProbabilities: mahlkeRows.get('#1')?.probs ?? null,
  notes: ['Dwarf planet; Dawn orbited it 2015–2018. Water-ice-rich C-type.'],
});
ceres.sources = {
  ...ceres.sources,
  diameter: 'Park et al. 2016, Nature 537, 515 (Dawn; JPL SBDB D 939.4 ± 0.2 km)',
  albedo: 'JPL Horizons (ALBEDO 0.090)',
  mass: 'GM 62.6284 ± 0.0009 km³/s², Park et al. 2016, Nature 537, 515 (JPL SBDB)',
  spectral: SRC.mahlke,
};
const vesta = mb({
  number: 4, name: 'Vesta', designation: 'A807 FA', epochJd: 2461200.5,
  a: 2.361365965127599, e: 0.09020374382834395, i: 7.143925545058711, om: 103.701293265032, w: 151.4686478221564, ma: 81.19015607686903,
  H: 3.25, source: 'JPL SBDB orbit JPL 36 (sbdb.api?full-prec=true&sstr=4)',
});
Object.assign(vesta, {
  measuredDiameterKm: 522.77, diameterKmSigmaLow: 0.5, diameterKmSigmaHigh: 0.5, measuredAlbedo: 0.4228,
  measuredMassKg: 2.5903e20, massKgSigma: 0.0001e20,
  spectralType: mahlkeRows.get('#4')?.cls ?? 'V', spectralProbabilities: mahlkeRows.get('#4')?.probs ?? null,
  notes: ['Differentiated protoplanet (basaltic crust, iron core); Dawn orbited it 2011–2012. Source of the HED meteorites.'],
});
vesta.sources = { ...vesta.sources, diameter: 'JPL SBDB (D 522.77 km, Dawn)', albedo: 'JPL SBDB (pV 0.4228)', mass: 'JPL SBDB GM (Dawn)', spectral: SRC.mahlke };
const famous = [psyche, ceres, vesta];
for (const m of famous) {
  if (byKey.has(`#${m.number}`)) throw new Error(`build-catalog: main-belt ${m.name} is already in the catalog`);
}
records.push(...famous);

// 8. Write.
records.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.designation.localeCompare(b.designation));
const built = new Date().toISOString().slice(0, 10);
const bytes = encodeBundled(records, built);
const outDir = join(repo, 'data', 'catalog');
const out = join(outDir, 'neas.bin');
writeFileSync(out + '.tmp', bytes);
renameSync(out + '.tmp', out);

const epochs = (src: string) => {
  const list = [...candidates].filter(([, l]) => l[0].source === src).map(([, l]) => l[0].orbit.epochJd);
  if (!list.length) return '—';
  const lo = Math.min(...list), hi = Math.max(...list);
  return lo === hi ? jdToIsoDate(lo) : `${jdToIsoDate(lo)} … ${jdToIsoDate(hi)}`;
};
const counts = {
  total: records.length,
  orbits: orbitCounts,
  onlyInNeaTxt: onlyInTxt,
  neaTxtOlderDesignations: linked,
  newFromSbdb,
  mainBelt: famous.length,
  diameterSbdb: nDiam,
  albedoSbdb: nAlb,
  diameterSpitzer: nSpitzer,
  measuredNeas: measured.length,
  spectralMahlke: nMahlke,
  spectralSbdb: nSpecSbdb,
  withSpectral: records.filter((r) => r.spectralType).length,
  withDiameter: records.filter((r) => r.measuredDiameterKm).length,
  coarseOrbits: records.filter((r) => r.aRoundingAu !== undefined).length,
};
const orbitRow = (src: string, file: string, what: string) => `| ${file} | ${what}: newest epoch for ${orbitCounts[src] ?? 0} objects | epochs ${epochs(src)} |`;
const sources = `# Bundled catalog: sources

\`neas.bin\` is built by \`npm run build:catalog\` (scripts/build-catalog.ts) from the reference
files listed here; the product reads only this folder at run time. Built ${built}.
Format: gzip-compressed columnar binary (typed-array columns, a string table, sparse JSON extras),
described in src/catalog/bundled-format.ts.

## Orbits: the newest epoch per object

Every input with orbital elements offers one per object; the object keeps the one with the newest
epoch (at equal epochs the full-precision one), and its \`sources.orbit\` names the file and epoch
(\`prospector target X --json | jq .result.sources.orbit\`). H comes from the newest file that gives
one (JPL 2025, JPL 2023, MPC 2021, MPC 2019), whatever the epoch of the orbit chosen.

| input file | what it contributes | date |
|---|---|---|
${orbitRow(SRC.famous, 'ephemeris/sbdb_famous_neas_elements.json — JPL SBDB', 'full-precision elements of 8 well-known NEAs')}
${orbitRow(SRC.sbdb25, 'neo/sbdb_pha_h22_moid005_2025.csv — JPL SBDB query export', 'PHAs with H ≤ 22, MOID ≤ 0.05 AU; elements printed to 4 significant digits')}
${orbitRow(SRC.sbdb23, 'neo/sbdb_numbered_neo_2023.csv — JPL SBDB query export', 'numbered NEOs; elements printed to 4 significant digits')}
${orbitRow(SRC.neaExt, 'neo/nea_extended.json.gz — MPC `nea_extended.json`', 'all NEAs of 2021 (names, H, U, other designations), full precision')}
${orbitRow(SRC.neaTxt, 'neo/NEA.txt — MPC NEA orbit file (export format)', `NEAs of 2019; ${onlyInTxt} of them are missing from nea_extended, ${linked} more are older designations of nea_extended objects`)}

${newFromSbdb} NEAs come only from the SBDB exports (designated after the MPC snapshots).
The SBDB exports print a, e and the angles to ~4 significant digits: ${counts.coarseOrbits} objects
whose newest orbit is such a one carry \`aRoundingAu\` (half the last printed digit of a), and
\`target\` warns how far two-body positions drift per year on that rounding alone (for a ≈ 1.3 AU,
±0.0005 AU is ~0.5 million km per year). Measured against the Horizons vectors of
ephemeris/horizons_asteroid-*.json (2026-05-01…07-30), the 2025 SBDB elements miss by 25–176 thousand km
where the 2021 MPC ones miss by 200–985 thousand km. Bennu's newest orbit stays the 2021 MPC one: JPL
gives Bennu's elements at its 2011-01-01 covariance epoch (JPL 118).

## Physical data

| input file | what it contributes | date |
|---|---|---|
| neo/sbdb_pha_h22_moid005_2025.csv — JPL SBDB export | measured diameter/albedo, spec_B/spec_T (first choice among SBDB files) | 2025-11 |
| neo/sbdb_numbered_neo_2023.csv — JPL SBDB export | measured diameter/albedo of numbered NEOs | 2023-02 |
| physical/spitzerneos.csv — SpitzerNEOs (Trilling et al. 2010, 2016) | diameter/albedo with 1σ bounds where SBDB has none | survey 2009–2016 |
| taxonomy/mahlke2022_class_asteroids.csv — Mahlke, Carry & Mattei 2022, A&A 665, A26 | spectral class (without feature flags) and class probabilities; preferred over SBDB labels | 2022 |
| data/catalog/measured-neas.json (in this folder) | published masses, bulk densities, volume-equivalent diameters and albedos of ${measured.map((m) => m.name).join(', ')} (spacecraft and radar), each with its reference; they replace the survey values | 2000–2023 |
| physical/carry2012_masses.txt — Carry 2012, PSS 73, 98 | 16 Psyche: weighted mean of the compiled mass estimates, given as a note | 2012 |
| JPL SBDB API: Psyche orbit JPL 92 (sbdb.api?sstr=20000016), Ceres JPL 48 and Vesta JPL 36 (sbdb.api?full-prec=true&sstr=1, &sstr=4) | main-belt orbits at epoch JD 2461200.5 TDB (2026-06-09); Psyche's M = n·(epoch − tp) from the same solution | 2026-06 |
| JPL SBDB physical data: Shepard et al. 2021, PSJ 2, 125; Farnocchia et al. 2024, AJ 168, 21; Park et al. 2016, Nature 537, 515 | Psyche D 222 −1/+4 km, GM 1.601 ± 0.017 km³/s² (ρ 4.17 g/cm³); Ceres D 939.4 km, GM 62.6284 km³/s², pV 0.090 (Horizons); Vesta D 522.77 km, pV 0.4228, mass 2.5903e20 kg | 2016–2024 |
| data/catalog/composition.json (hand-written, in this folder) | grades by class: CI (Palme & O'Neill 2014), LL–L chondrite and IAB/IIIAB iron (DESIGN §2.1 table), Ga/Ge (Wasson & Kallemeyn 1988; Scott & Wasson 1975) | — |

Counts: ${JSON.stringify(counts)}.

Models applied at load (not stored): Shoemaker–Helin Δv (src/catalog/shoemaker-helin.ts), size/mass
(src/catalog/physical-model.ts: class albedos from mahlke2022_class_templates.csv, densities Carry
2012 with B as C, C/S prior Wright et al. 2016 / Stuart & Binzel 2004), composition (composition.json here).

Priorities: diameter/albedo measured-neas.json > SBDB 2025 > SBDB 2023 > Spitzer; spectral class
Mahlke 2022 > SBDB spec_B > spec_T. \`--catalog FILE\` loads a fresher MPC/SBDB export; objects it
shares with this catalog keep the physical data above where the file has none.
`;
writeFileSync(join(outDir, 'SOURCES.md'), sources);
process.stdout.write(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KiB): ${JSON.stringify(counts)}\n`);
process.stdout.write(`nea_extended: ${ext.diagnostics.length} diagnostics; NEA.txt: ${txt.records.length} rows, ${txt.diagnostics.length} diagnostics; SBDB: ${sbdb.map((x) => `${x.file} ${x.parsed.records.length} rows, ${x.parsed.diagnostics.length} diagnostics`).join('; ')}\n`);
