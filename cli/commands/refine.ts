// `prospector refine`: optical refining yield at one asteroid over a stay, month by month (DESIGN §2.5).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseDate, parseList, parseNumber, parseQuantityFlag } from '../parse.js';
import { fmt, fmtSig, renderPairs, renderTable } from '../format/table.js';
import type { Style } from '../format/style.js';
import { InputError } from '../../src/errors.js';
import { toCsv } from '../../src/export/csv.js';
import type { RefiningResult } from '../../src/refining/optical-yield.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';

interface RefineFlags {
  arrive?: string;
  launch?: string;
  outDays?: string;
  stayDays?: string;
  concentratorDiameter?: string;
  concentratorArea?: string;
  route?: string;
  opticalEff?: string;
  captureEff?: string;
  duty?: string;
  specificEnergy?: string;
  recovery?: string;
  products?: string;
  bodyMass?: string;
  bodyDiameter?: string;
  density?: string;
  grade?: string;
  metalFraction?: string;
  quantile?: string;
  stepDays?: string;
  catalog?: string;
  json?: boolean;
  csv?: boolean;
}

export interface RefineOutput extends RefiningResult {
  target: { designation: string; name: string | null; spectralType: string | null };
  body: { massKg: number; massSource: string; gradeQuantile: string; gradeSource: string };
}

/** "0.12", "12%", "5 ppm" → mass fraction. */
export function parseMassFraction(text: string, flag: string): number {
  const t = text.trim();
  let v: number;
  if (/%$/.test(t)) v = parseNumber(t.slice(0, -1), flag, { min: 0 }) / 100;
  else if (/ppm$/i.test(t)) v = parseNumber(t.slice(0, -3), flag, { min: 0 }) * 1e-6;
  else if (/ppb$/i.test(t)) v = parseNumber(t.slice(0, -3), flag, { min: 0 }) * 1e-9;
  else v = parseNumber(t, flag, { min: 0 });
  if (v > 1) throw new InputError(`${flag}: a mass fraction must be ≤ 1 (or ≤ 100%), got "${t}"`, flag);
  return v;
}

/**
 * "H2O=12%,Pt=5ppm" → {H2O: 0.12, Pt: 5e-6}. Elements are matched case-insensitively against
 * `known` (the composition's elements); an unknown one is refused with the list, never ignored.
 */
export function parseElementMap(text: string | undefined, flag: string, value: (t: string, flag: string) => number, known: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of parseList(text, flag)) {
    const m = /^([A-Za-z][A-Za-z0-9]*)\s*=\s*(.+)$/.exec(item);
    if (!m) throw new InputError(`${flag}: expected ELEMENT=VALUE pairs such as Pt=0.9, got "${item}"`, flag);
    const el = known.find((k) => k.toLowerCase() === m[1].toLowerCase());
    if (!el) throw new InputError(`${flag}: unknown element "${m[1]}"; known: ${known.join(', ')}`, flag);
    out[el] = value(m[2], flag);
  }
  return out;
}

function renderText(r: RefineOutput, s: Style): string {
  const a = r.assumptions;
  const name = r.target.name ? `${r.target.name} (${r.target.designation})` : r.target.designation;
  const head = s.bold(`Optical refining at ${name}: ${a.route.name}, ${a.arriveDate} → ${a.departDate} (${a.stayDays} days)`);
  const products = Object.keys(a.recovery);
  const table = renderTable(r.months, [
    { header: 'month', value: (m) => String(m.month) },
    { header: 'from', value: (m) => m.startDate, align: 'left' },
    { header: 'r AU', value: (m) => fmt(m.meanDistanceAu, 3) },
    { header: 'P_abs kW', value: (m) => fmt(m.meanAbsorbedPowerKW, 1) },
    { header: `${a.route.feedstock === 'metal' ? 'metal' : 'rock'} t`, value: (m) => fmtSig(m.processedKg / 1000, 4) },
    // Per product: this month's kg beside the running total.
    ...products.flatMap((p) => [
      { header: `${p} kg`, value: (m: (typeof r.months)[number]) => fmtSig(m.productsKg[p], 4) },
      { header: `${p} kg (cum.)`, value: (m: (typeof r.months)[number]) => fmtSig(m.cumulativeKg[p], 4) },
    ]),
  ]);
  const totals = renderTable(products, [
    { header: 'product', value: (p) => p, align: 'left' },
    { header: 'extracted kg', value: (p) => fmtSig(r.totals.productsKg[p], 4) },
    { header: 'left in body kg', value: (p) => fmtSig(r.totals.remainingInBodyKg[p], 4) },
    { header: 'feed grade', value: (p) => a.feedstockGrades[p].toExponential(3) },
    { header: 'recovery', value: (p) => fmt(a.recovery[p], 2) },
  ]);
  const assume = renderPairs([
    ['concentrator', `${fmtSig(a.concentratorAreaM2, 4)} m²${a.concentratorDiameterM !== null ? ` (⌀ ${fmtSig(a.concentratorDiameterM, 4)} m)` : ''}, η_opt ${fmtSig(a.opticalEfficiency, 3)}, η_cap ${fmtSig(a.captureEfficiency, 3)}, duty ${fmtSig(a.dutyCycle, 3)}`],
    ['absorbed power', `η_opt·A·${a.solarConstantWM2} W/m²/r², r ${fmt(a.distanceAu.min, 3)}–${fmt(a.distanceAu.max, 3)} AU over the stay; ${fmt(r.rateAtArrival.absorbedPowerKW, 1)} kW at arrival`],
    ['route', `${a.route.specificEnergyMJPerKg} MJ per kg of ${a.route.basis === 'product' ? 'product released' : a.route.feedstock === 'metal' ? 'separated metal' : 'rock'}`],
    ['body', `${fmtSig(r.body.massKg / 1000, 4)} t (${r.body.massSource}); metal fraction ${fmtSig(a.metalFraction, 3)}; grades ${r.body.gradeQuantile} (${r.body.gradeSource})`],
    ['energy', `${fmtSig(r.totals.absorbedEnergyGJ, 4)} GJ absorbed, ${fmtSig(r.totals.processEnergyGJ, 4)} GJ into processing`],
    ['exhausted', r.exhaustedAfterDays === null ? 'no' : `after ${fmt(r.exhaustedAfterDays, 1)} days`],
  ], '  ');
  return [head, table.trimEnd(), '', totals.trimEnd(), s.dim('Assumptions'), assume.trimEnd(), s.dim(`route energy: ${a.route.source}`), ''].join('\n');
}

function renderCsv(r: RefineOutput): string {
  const products = Object.keys(r.assumptions.recovery);
  const header = ['month', 'start', 'end', 'days', 'r_au', 'p_abs_kw', 'processed_kg', ...products.flatMap((p) => [`${p}_kg`, `${p}_cum_kg`, `${p}_left_in_body_kg`])];
  const rows = r.months.map((m) => [m.month, m.startDate, m.endDate, m.days, m.meanDistanceAu, m.meanAbsorbedPowerKW, m.processedKg, ...products.flatMap((p) => [m.productsKg[p], m.cumulativeKg[p], m.remainingInBodyKg[p]])]);
  return toCsv(header, rows);
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('refine <target>')
    .description('optical refining yield at an asteroid over a stay, per element and month')
    .option('--arrive <date>', 'start of the stay (arrival), ISO date')
    .option('--launch <date>', 'launch date, with --out-days (instead of --arrive)')
    .option('--out-days <d>', 'outbound flight time, days or with a unit, with --launch')
    .option('--stay-days <d>', 'length of the stay, days or with a unit ("1 yr")')
    .option('--concentrator-diameter <m>', 'concentrator aperture diameter (e.g. "10 m")')
    .option('--concentrator-area <m2>', 'concentrator aperture area in m² (instead of the diameter)')
    .option('--route <id>', 'water | melt-metal | vaporize-metal | melt-silicate (default: water for C-types, melt-metal otherwise)')
    .option('--optical-eff <f>', 'optical efficiency η_opt (default 0.8)')
    .option('--capture-eff <f>', 'capture efficiency η_cap (default 0.5; DESIGN band 0.3–0.7)')
    .option('--duty <f>', 'duty cycle (default 0.5; band 0.3–0.7)')
    .option('--specific-energy <MJ/kg>', "override the route's specific energy, MJ/kg or with a unit (\"2.4 kWh/kg\")")
    .option('--recovery <el=f,…>', 'recovery overrides, e.g. Pt=0.8,H2O=0.9')
    .option('--products <el,…>', 'report only these products')
    .option('--body-mass <kg>', 'mass of the body (e.g. "785 t"); default: the catalog size and class density')
    .option('--body-diameter <m>', 'diameter of the body, with --density (instead of --body-mass)')
    .option('--density <kg/m3>', 'bulk density, with --body-diameter (e.g. 1500 or "1.5 g/cm^3")')
    .option('--grade <el=f,…>', 'bulk grade overrides as mass fractions, % or ppm, e.g. H2O=12%,Pt=5ppm')
    .option('--metal-fraction <f>', 'free Fe–Ni metal fraction of the bulk (override)')
    .option('--quantile <q>', 'grade quantile from the composition distributions: p10 | p50 | p90 | mean (default p50)')
    .option('--step-days <d>', 'integration step, days or with a unit ("12 h") (default 1)')
    .option('--catalog <file>', CATALOG_FLAG_HELP)
    .addHelpText(
      'after',
      `
P_abs = η_opt·A·1361 W/m²/r(t)² with r(t) from the asteroid's orbit; processed = P_abs·η_cap·duty/e.
Products = processed × grade × recovery; never more than the body holds (a warning says when it
runs out). Months are 30.4375-day months from arrival.

Examples:
  $ prospector refine Bennu --arrive 2030-01-01 --stay-days 365 --concentrator-diameter "10 m" --route water
  $ prospector refine "2000 SG344" --arrive 2031-06-01 --stay-days 90 --concentrator-diameter 20 \\
      --body-diameter "10 m" --density 1500 --grade H2O=12% --csv > yield.csv
`,
    );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (designation: string, o: RefineFlags) => {
    setExit(
      await runOutput(ctx, o, async () => {
        const [{ compositionFor, physicalModel }, { refineYield }, { bodyFromComposition, sphereMassKg }, { dateToJdTdb }] = await Promise.all([
          import('../../src/catalog/index.js'),
          import('../../src/refining/optical-yield.js'),
          import('../../src/refining/feedstock.js'),
          import('../../src/astro/time.js'),
        ]);
        let arriveJdTdb: number;
        if (o.arrive !== undefined) {
          if (o.launch !== undefined || o.outDays !== undefined) throw new InputError('--arrive: give either --arrive or --launch with --out-days', '--arrive');
          arriveJdTdb = dateToJdTdb(parseDate(o.arrive, '--arrive'));
        } else if (o.launch !== undefined) {
          if (o.outDays === undefined) throw new InputError('--out-days: required with --launch', '--out-days');
          arriveJdTdb = dateToJdTdb(parseDate(o.launch, '--launch')) + (await parseQuantityFlag(o.outDays, 'd', '--out-days', { positive: true, max: 3650 }));
        } else {
          throw new InputError('--arrive: required (start of the stay, ISO date), or --launch with --out-days', '--arrive');
        }
        if (o.stayDays === undefined) throw new InputError('--stay-days: required (length of the stay, days)', '--stay-days');
        const stayDays = await parseQuantityFlag(o.stayDays, 'd', '--stay-days', { positive: true, max: 36525 });
        if ((o.concentratorDiameter === undefined) === (o.concentratorArea === undefined)) {
          throw new InputError('--concentrator-diameter: give either --concentrator-diameter or --concentrator-area (exactly one)', '--concentrator-diameter');
        }
        const concentrator =
          o.concentratorDiameter !== undefined
            ? { diameterM: await parseQuantityFlag(o.concentratorDiameter, 'm', '--concentrator-diameter', { positive: true }) }
            : { areaM2: await parseQuantityFlag(o.concentratorArea, 'm^2', '--concentrator-area', { positive: true }) };
        const frac = (v: string | undefined, flag: string) => (v === undefined ? undefined : parseMassFraction(v, flag));
        const opticalEfficiency = frac(o.opticalEff, '--optical-eff');
        const captureEfficiency = frac(o.captureEff, '--capture-eff');
        const dutyCycle = frac(o.duty, '--duty');
        for (const [v, flag] of [[opticalEfficiency, '--optical-eff'], [captureEfficiency, '--capture-eff'], [dutyCycle, '--duty']] as const) {
          if (v !== undefined && v <= 0) throw new InputError(`${flag}: expected a fraction > 0`, flag);
        }
        const quantile = o.quantile !== undefined ? parseChoice(o.quantile, '--quantile', ['p10', 'p50', 'p90', 'mean'] as const) : 'p50';

        const target = (await openCatalogFor(ctx, o.catalog)).find(designation);
        const composition = compositionFor(target);
        let massKg: number;
        let massSource: string;
        if (o.bodyMass !== undefined) {
          if (o.bodyDiameter !== undefined || o.density !== undefined) throw new InputError('--body-mass: give either --body-mass or --body-diameter with --density', '--body-mass');
          massKg = await parseQuantityFlag(o.bodyMass, 'kg', '--body-mass', { positive: true });
          massSource = 'given';
        } else if (o.bodyDiameter !== undefined || o.density !== undefined) {
          if (o.bodyDiameter === undefined) throw new InputError('--body-diameter: required with --density', '--body-diameter');
          if (o.density === undefined) throw new InputError('--density: required with --body-diameter', '--density');
          const d = await parseQuantityFlag(o.bodyDiameter, 'm', '--body-diameter', { positive: true });
          const rho = await parseQuantityFlag(o.density, 'kg/m^3', '--density', { positive: true });
          massKg = sphereMassKg(d, rho);
          massSource = `sphere ⌀ ${d} m at ${rho} kg/m³`;
        } else {
          const pm = physicalModel(target);
          if (!pm.massKg) throw new InputError(`--body-mass: the catalog gives no size for ${target.designation}; give --body-mass or --body-diameter with --density`, '--body-mass');
          massKg = pm.massKg.value;
          massSource = pm.massKg.source;
        }
        const body = bodyFromComposition(massKg, composition, quantile);
        // REE is the sum of La–Lu (left out of the grades so nothing counts twice): not settable here.
        const knownElements = Object.keys(body.grades);
        if (o.grade !== undefined) Object.assign(body.grades, parseElementMap(o.grade, '--grade', parseMassFraction, knownElements));
        if (o.metalFraction !== undefined) body.metalFraction = parseMassFraction(o.metalFraction, '--metal-fraction');
        const isCarbonaceous = composition.analogues[0]?.analogue === 'carbonaceous';
        const route = o.route !== undefined ? parseChoice(o.route.replace('vaporise', 'vaporize'), '--route', ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate'] as const) : isCarbonaceous ? 'water' : 'melt-metal';
        const recovery = o.recovery !== undefined ? parseElementMap(o.recovery, '--recovery', (t, f) => parseMassFraction(t, f), knownElements) : undefined;
        const specificEnergyMJPerKg = o.specificEnergy !== undefined ? await parseQuantityFlag(o.specificEnergy, 'MJ/kg', '--specific-energy', { positive: true }) : undefined;
        const stepDays = o.stepDays !== undefined ? await parseQuantityFlag(o.stepDays, 'd', '--step-days', { positive: true, max: 30 }) : undefined;
        const products = o.products !== undefined ? parseList(o.products, '--products').map((p) => {
          const el = knownElements.find((k) => k.toLowerCase() === p.toLowerCase());
          if (!el) throw new InputError(`--products: unknown element "${p}"; known: ${knownElements.join(', ')}`, '--products');
          return el;
        }) : undefined;
        const yieldInput = {
          orbit: target.orbit,
          arriveJdTdb,
          stayDays,
          concentrator,
          opticalEfficiency,
          captureEfficiency,
          dutyCycle,
          route,
          body,
          recovery,
          specificEnergyMJPerKg,
          products,
          stepDays,
        };
        let r: RefiningResult;
        try {
          r = refineYield(yieldInput);
        } catch (err) {
          // The engine names its input field ("products: …"); say the flag the user typed.
          if (err instanceof InputError && err.field === 'products') throw new InputError(`--products: ${err.message.replace(/^products:\s*/, '')}`, '--products');
          throw err;
        }
        const gradeSource = `${composition.analogues.map((x) => `${x.label}${x.probability < 1 ? ` ${(x.probability * 100).toFixed(0)} %` : ''}`).join(' + ')}${o.grade ? '; overrides ' + o.grade : ''}`;
        const result: RefineOutput = {
          target: { designation: target.designation, name: target.name ?? null, spectralType: target.spectralType ?? null },
          body: { massKg, massSource, gradeQuantile: quantile, gradeSource },
          ...r,
        };
        return { result, text: renderText, csv: renderCsv, warnings: r.warnings };
      }),
    );
  });
};
