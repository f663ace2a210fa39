/**
 * Builds the bundled catalog data/catalog/neas.json.gz (and SOURCES.md) from the reference
 * files in the shared data folder. Run: `npm run build:catalog [-- --shared DIR]` (DIR defaults
 * to ../shared, i.e. the folder holding data/neo, data/physical, data/taxonomy).
 *
 * Orbits: MPC nea_extended.json.gz (newest, epoch 2021-07-08.0 TT), then NEA.txt (2019-07-02)
 * for objects only found there. Physical data merged by number (else designation):
 * diameter/albedo from SBDB 2025 > SBDB 2023 > Spitzer NEOs; spectral class from Mahlke 2022
 * (with class probabilities) > SBDB spec_B > spec_T. Plus a few famous main-belt targets.
 */
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseNeaExtended } from '../src/catalog/parse-nea-extended.js';
import { parseMpcorb } from '../src/catalog/parse-mpcorb.js';
import { parseSbdbCsv, splitCsvLine } from '../src/catalog/parse-sbdb-csv.js';
import { readCatalogText } from '../src/catalog/parse-catalog.js';
import { encodeBundled } from '../src/catalog/bundled-format.js';
import { packNumber } from '../src/catalog/packed-designation.js';
import type { CatalogRecord } from '../src/catalog/types.js';

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
  spitzer: 'SpitzerNEOs, Trilling et al. 2010/2016 (spitzerneos.csv)',
  mahlke: 'Mahlke, Carry & Mattei 2022, A&A 665, A26 (class without feature flags; probabilities)',
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();
const keyOf = (r: { number?: number; designation: string }) => (r.number !== undefined ? `#${r.number}` : norm(r.designation));

// 1. Orbits.
const ext = parseNeaExtended(readCatalogText(f('neo', 'nea_extended.json.gz')), 'nea_extended.json.gz');
for (const r of ext.records) r.sources = { orbit: SRC.neaExt };
const byKey = new Map<string, CatalogRecord>();
const byDesig = new Map<string, CatalogRecord>();
for (const r of ext.records) {
  byKey.set(keyOf(r), r);
  byDesig.set(norm(r.designation), r);
}
// Older designations of the same objects (Other_desigs): never add them again from NEA.txt.
const otherDesig = new Map<string, CatalogRecord>();
for (const r of ext.records) for (const d of r.otherDesignations ?? []) otherDesig.set(norm(d), r);
let linked = 0;
const txt = parseMpcorb(readFileSync(f('neo', 'NEA.txt'), 'latin1'), 'NEA.txt');
let onlyInTxt = 0;
for (const r of txt.records) {
  if (byKey.has(keyOf(r)) || byDesig.has(norm(r.designation))) continue;
  if (otherDesig.has(norm(r.designation))) {
    linked++;
    continue;
  }
  r.sources = { orbit: SRC.neaTxt };
  byKey.set(keyOf(r), r);
  byDesig.set(norm(r.designation), r);
  ext.records.push(r);
  onlyInTxt++;
}
const records = ext.records;
const find = (number: number | undefined, desig: string | undefined): CatalogRecord | undefined =>
  (number !== undefined ? byKey.get(`#${number}`) : undefined) ?? (desig ? byDesig.get(norm(desig)) ?? otherDesig.get(norm(desig)) : undefined);

// 2. Diameters, albedos, SBDB spectral labels (the newest SBDB file first; never overwrite).
let nDiam = 0, nAlb = 0, nSpecSbdb = 0;
for (const [file, label] of [['sbdb_pha_h22_moid005_2025.csv', SRC.sbdb25], ['sbdb_numbered_neo_2023.csv', SRC.sbdb23]] as const) {
  const s = parseSbdbCsv(readFileSync(f('neo', file), 'utf8'), file);
  for (const r of s.records) {
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

// 3. Spitzer NEOs: best (smallest relative 1σ) of the repeated observations per object.
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

// 4. Mahlke 2022 classes with probabilities (preferred over SBDB labels).
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

// 5. Famous main-belt targets. Elements: JPL SBDB osculating elements, heliocentric ecliptic
// J2000, epoch JD 2461200.5 TDB (2026-06-09), as quoted in a public data snapshot; M derived as
// n·(epoch − tp). Bennu's values in the same snapshot match sbdb_famous_neas_elements.json exactly.
const SBDB_MB = 'JPL SBDB elements, epoch JD 2461200.5 TDB (2026-06-09), M = n·(epoch − tp)';
function mb(o: { number: number; name: string; designation: string; a: number; e: number; i: number; om: number; w: number; tp: number; n: number; H: number }): CatalogRecord {
  const epochJd = 2461200.5;
  const ma = (((o.n * (epochJd - o.tp)) % 360) + 360) % 360;
  return {
    designation: o.designation,
    number: o.number,
    name: o.name,
    packed: packNumber(o.number),
    orbit: { epochJd, aAu: o.a, e: o.e, iDeg: o.i, omDeg: o.om, wDeg: o.w, maDeg: Number(ma.toFixed(6)) },
    H: o.H,
    u: 0,
    sources: { orbit: SBDB_MB },
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
const psycheMass = carryMass(16);
// Mass: bulk density 3.4–4.1 g/cm³ ("best current analysis", Elkins-Tanton et al. 2020, JGR Planets
// 125, e2019JE006296) times the volume of the 222 km sphere (Shepard et al. 2021). The older Carry
// (2012) compilation (weighted mean of its estimates, computed here) is kept as a note.
const PSYCHE_D_KM = 222;
const psycheVolKm3 = (Math.PI / 6) * PSYCHE_D_KM ** 3;
const psycheMassLo = psycheVolKm3 * 3.4 * 1e12, psycheMassHi = psycheVolKm3 * 4.1 * 1e12;
const psyche = mb({ number: 16, name: 'Psyche', designation: 'A852 FA', a: 2.92572047, e: 0.134932474, i: 3.098749, om: 149.975386, w: 230.032678, tp: 2460795.475337, n: 0.1969494758, H: 6.2 });
Object.assign(psyche, {
  measuredDiameterKm: PSYCHE_D_KM, diameterKmSigmaLow: 4, diameterKmSigmaHigh: 4,
  measuredMassKg: Number(((psycheMassLo + psycheMassHi) / 2).toPrecision(3)), massKgSigma: Number(((psycheMassHi - psycheMassLo) / 2).toPrecision(2)),
  spectralType: mahlkeRows.get('#16')?.cls ?? 'M', spectralProbabilities: mahlkeRows.get('#16')?.probs ?? null,
  notes: [
    "Target of NASA's Psyche mission (launched 2023-10-13, Hall-effect thrusters, arrival 2029).",
    'Bulk density 3.4–4.1 g/cm³ (Elkins-Tanton et al. 2020): metal-rich but mixed with silicates or porous, not a bare iron core (iron meteorites ≈ 7.5 g/cm³).',
    `Other mass figures: JPL SBDB GM → 2.40e19 kg; weighted mean of the ${psycheMass.n} estimates compiled by Carry 2012 → ${psycheMass.mean.toExponential(2)} ± ${psycheMass.sigma.toExponential(1)} kg.`,
  ],
});
psyche.sources = {
  ...psyche.sources,
  diameter: 'Shepard et al. 2021, PSJ 2, 125 (volume (5.75 ± 0.19)e6 km³ ≈ D 222 km)',
  mass: 'ρ 3.4–4.1 g/cm³ (Elkins-Tanton et al. 2020, JGR Planets 125) × volume of D 222 km',
  spectral: SRC.mahlke,
};
const ceres = mb({ number: 1, name: 'Ceres', designation: 'A801 AA', a: 2.7655526, e: 0.079692295, i: 10.588028, om: 80.248627, w: 73.294215, tp: 2461599.841467, n: 0.2143044506, H: 3.34 });
Object.assign(ceres, {
  measuredDiameterKm: 939.4, diameterKmSigmaLow: 0.2, diameterKmSigmaHigh: 0.2, measuredAlbedo: 0.09,
  measuredMassKg: 9.3835e20, massKgSigma: 0.0001e20,
  spectralType: mahlkeRows.get('#1')?.cls ?? 'C', spectralProbabilities: mahlkeRows.get('#1')?.probs ?? null,
  notes: ['Dwarf planet; Dawn orbited it 2015–2018. Water-ice-rich C-type.'],
});
ceres.sources = { ...ceres.sources, diameter: 'JPL Horizons/SBDB (RAD 469.7 km, Dawn; Park et al. 2019)', albedo: 'JPL Horizons (ALBEDO 0.090)', mass: 'JPL Horizons GM 62.6284 km³/s² (Dawn)', spectral: SRC.mahlke };
const vesta = mb({ number: 4, name: 'Vesta', designation: 'A807 FA', a: 2.36136597, e: 0.090203744, i: 7.143926, om: 103.701293, w: 151.468648, tp: 2460901.58738, n: 0.2716183614, H: 3.25 });
Object.assign(vesta, {
  measuredDiameterKm: 522.77, diameterKmSigmaLow: 0.5, diameterKmSigmaHigh: 0.5, measuredAlbedo: 0.4228,
  measuredMassKg: 2.5903e20, massKgSigma: 0.0001e20,
  spectralType: mahlkeRows.get('#4')?.cls ?? 'V', spectralProbabilities: mahlkeRows.get('#4')?.probs ?? null,
  notes: ['Differentiated protoplanet (basaltic crust, iron core); Dawn orbited it 2011–2012. Source of the HED meteorites.'],
});
vesta.sources = { ...vesta.sources, diameter: 'JPL SBDB (D 522.77 km, Dawn)', albedo: 'JPL SBDB (pV 0.4228)', mass: 'JPL SBDB GM (Dawn)', spectral: SRC.mahlke };
// H: SBDB (Psyche 6.2, Vesta 3.25, as in an SBDB query export quoted publicly), Ceres 3.34 (Horizons).
const famous = [psyche, ceres, vesta];
records.push(...famous);

// 6. Write.
records.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.designation.localeCompare(b.designation));
const built = new Date().toISOString().slice(0, 10);
const doc = encodeBundled(records, built);
const json = JSON.stringify(doc);
const gz = gzipSync(json, { level: 9 });
const outDir = join(repo, 'data', 'catalog');
const out = join(outDir, 'neas.json.gz');
writeFileSync(out + '.tmp', gz);
renameSync(out + '.tmp', out);

const counts = {
  total: records.length,
  fromNeaExtended: records.filter((r) => r.sources?.orbit === SRC.neaExt).length,
  onlyInNeaTxt: onlyInTxt,
  neaTxtLinkedToOtherDesignations: linked,
  mainBelt: famous.length,
  diameterSbdb: nDiam,
  albedoSbdb: nAlb,
  diameterSpitzer: nSpitzer,
  spectralMahlke: nMahlke,
  spectralSbdb: nSpecSbdb,
  withSpectral: records.filter((r) => r.spectralType).length,
  withDiameter: records.filter((r) => r.measuredDiameterKm).length,
};
const sources = `# Bundled catalog: sources

\`neas.json.gz\` is built by \`npm run build:catalog\` (scripts/build-catalog.ts) from the reference
files listed here; the product reads only this folder at run time. Built ${built}.
Format: gzip-compressed columnar JSON, described in src/catalog/bundled-format.ts.

| input file | what it contributes | date |
|---|---|---|
| neo/nea_extended.json.gz — MPC \`nea_extended.json\` | orbits, H, U, names of ${counts.fromNeaExtended} objects | epoch JD 2459403.5 = 2021-07-08.0 TT (data/README.md says 2021-07-05: that is JD 2459400.5), snapshot 2021-07-08 |
| neo/NEA.txt — MPC NEA orbit file (export format) | orbits of ${counts.onlyInNeaTxt} objects missing from nea_extended (${linked} more are older designations of nea_extended objects and are skipped) | epoch 2019-07-02.0 TT (K1972), snapshot 2019-07-02 |
| neo/sbdb_pha_h22_moid005_2025.csv — JPL SBDB export | measured diameter/albedo, spec_B/spec_T (first choice among SBDB files) | 2025-11 (epochs JD 2461000.5) |
| neo/sbdb_numbered_neo_2023.csv — JPL SBDB export | measured diameter/albedo of numbered NEOs | 2023-02 (epoch JD 2460000.5) |
| physical/spitzerneos.csv — SpitzerNEOs (Trilling et al. 2010, 2016) | diameter/albedo with 1σ bounds where SBDB has none | survey 2009–2016 |
| taxonomy/mahlke2022_class_asteroids.csv — Mahlke, Carry & Mattei 2022, A&A 665, A26 | spectral class (without feature flags) and class probabilities; preferred over SBDB labels | 2022 |
| physical/carry2012_masses.txt — Carry 2012, PSS 73, 98 | 16 Psyche: weighted mean of the compiled mass estimates, given as a note (the mass used is from Elkins-Tanton et al. 2020 density × Shepard et al. 2021 volume) | 2012 |
| main-belt elements (Psyche, Ceres, Vesta) — JPL SBDB as quoted in a public data snapshot | orbits at epoch JD 2461200.5 TDB (2026-06-09); M = n·(epoch − tp) | 2026-06 |
| Shepard et al. 2021, PSJ 2, 125; Elkins-Tanton et al. 2020, JGR Planets 125 | Psyche diameter 222 ± 4 km; bulk density 3.4–4.1 g/cm³ → mass | 2020–2021 |
| JPL Horizons/SBDB physical data (Dawn) | Ceres H 3.34, D 939.4 km, GM 62.6284 km³/s², pV 0.090 (Horizons, soln JPL#48); Vesta H 3.25, D 522.77 km, pV 0.4228, mass 2.5903e20 kg; Psyche H 6.2 (SBDB) | 2020–2026 |
| data/catalog/composition.json (hand-written, in this folder) | grades by class: CI (Palme & O'Neill 2014), LL–L chondrite and IAB/IIIAB iron (DESIGN §2.1 table), Ga/Ge (Wasson & Kallemeyn 1988; Scott & Wasson 1975) | — |

Counts: ${JSON.stringify(counts)}.

Models applied at load (not stored): Shoemaker–Helin Δv (src/catalog/shoemaker-helin.ts), size/mass
(src/catalog/physical-model.ts: class albedos from mahlke2022_class_templates.csv, densities Carry
2012, C/S prior Wright et al. 2016 / Stuart & Binzel 2004), composition (composition.json here).

Priorities: diameter/albedo SBDB 2025 > SBDB 2023 > Spitzer; spectral class Mahlke 2022 > SBDB
spec_B > spec_T. Orbits are old (2019/2021 epochs): \`target\` warns about the epoch age, and
\`--catalog FILE\` loads a fresher MPC/SBDB export.
`;
writeFileSync(join(outDir, 'SOURCES.md'), sources);
process.stdout.write(`wrote ${out} (${(gz.length / 1024).toFixed(0)} KiB gzip, ${(json.length / 1024).toFixed(0)} KiB JSON): ${JSON.stringify(counts)}\n`);
process.stdout.write(`nea_extended: ${ext.diagnostics.length} diagnostics; NEA.txt: ${txt.records.length} rows, ${txt.diagnostics.length} diagnostics; Psyche mass ${psycheMass.mean.toExponential(3)} ± ${psycheMass.sigma.toExponential(2)} (${psycheMass.n} estimates)\n`);
void basename;
