// `prospector plan`: the text report agrees with --json, bad scenarios fail in one line, config precedence.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, envelope } from '../helpers/cli.js';
import { kms, num, pct, usd } from '../../cli/format/plan-report.js';
import type { Plan } from '../../src/scenario/plan-types.js';

const ROOT = join(import.meta.dirname, '../..');
const EX = (f: string) => join(ROOT, 'examples', f);

/** Every number as the report would print it (num, usd, percent), signs dropped. */
function formattedNumbers(plan: unknown): Set<string> {
  const out = new Set<string>();
  const add = (x: number) => {
    // Ranges get more figures when 3 would print distinct ends alike (at most 6); Δv terms two decimals.
    const extra = [4, 5, 6].map((n) => num(Math.abs(x), n));
    for (const s of [num(x), num(Math.abs(x)), ...extra, kms(Math.abs(x)), usd(Math.abs(x)).replace(/^\$/, '').replace(/ [MB]$/, ''), pct(Math.abs(x)).replace(/ %$/, '')]) out.add(s.replace(/^[−-]/, ''));
  };
  JSON.stringify(plan, (_k, v) => {
    if (typeof v === 'number') add(v);
    return v;
  });
  return out;
}

/** Number tokens standing alone in text (not part of identifiers such as P10, H2O, 3-DOF or §2.5). */
function tokens(text: string): string[] {
  return [...text.matchAll(/(?<![\w.§/^-])\d+(?:,\d{3})*(?:\.\d+)?(?:e-?\d+)?(?![\w²³⁴-])/g)].map((m) => m[0]);
}

describe('prospector plan', { timeout: 60_000 }, () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'prospector-plan-'));
  });

  it('the text report and --json agree: every number printed comes from the Plan', async () => {
    for (const f of ['metal-pgm-earth.yaml', 'water-orbit-ctype.yaml', 'rare-earth-stype.yaml']) {
      const j = await runCli(['plan', EX(f), '--samples', '64', '--seed', '5', '--json']);
      expect(j.code, j.stderr).toBe(0);
      const plan = envelope<Plan>(j).result;
      const t = await runCli(['plan', EX(f), '--samples', '64', '--seed', '5']);
      expect(t.code, t.stderr).toBe(0);
      const allowed = formattedNumbers(plan);
      // Numbers inside the Plan's own strings (methods, sources, warnings, dates, names) count as from the Plan.
      const fromStrings = new Set<string>();
      JSON.stringify(plan, (_k, v) => {
        if (typeof v === 'string') for (const tok of tokens(v)) fromStrings.add(tok);
        return v;
      });
      // Fixed words of the template: "1 AU", and the percentile labels "P10 / P50 / P90" split by the tokenizer.
      const template = new Set(['1', '10', '50', '90']);
      const stray = tokens(t.stdout).filter((tok) => !allowed.has(tok) && !fromStrings.has(tok) && !template.has(tok));
      expect(stray, `${f}: numbers in the report that are not in the Plan`).toEqual([]);
      // Negative control: the check does catch a number the Plan does not hold.
      expect(tokens('made up 98,765.4 kg').filter((tok) => !allowed.has(tok) && !fromStrings.has(tok))).toEqual(['98,765.4']);
      // And the headline figures are really there.
      if (plan.delivered.modelled) expect(t.stdout).toContain(`delivered ${num(plan.delivered.deliveredKg)} kg`);
      if (plan.economics.modelled) expect(t.stdout).toContain(usd(plan.economics.npvUsd));
    }
  });

  it('no command and no terminal: the plan report of the bundled example (what `npm start` shows)', async () => {
    const r = await runCli([], { env: { PROSPECTOR_SAMPLES: '50' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Prospector plan: Metal NEA, PGMs to Earth \(examples\/metal-pgm-earth\.yaml\)/);
    expect(r.stdout).toContain('Delivered');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no escape sequences in a pipe
  });

  it('--json prints exactly one envelope with the full Plan', async () => {
    const r = await runCli(['plan', EX('rare-earth-stype.yaml'), '--samples', '10', '--json']);
    const env = envelope<Plan>(r);
    expect(env.schemaVersion).toBe(1);
    expect(Object.keys(env.result)).toEqual(['scenario', 'target', 'trajectory', 'propulsion', 'refining', 'capsules', 'delivered', 'supply', 'orbitalCompute', 'economics', 'uncertainty', 'forecast', 'warnings']);
    expect(env.result.scenario.source).toBe(EX('rare-earth-stype.yaml'));
  });

  const BASE = readFileSync(EX('rare-earth-stype.yaml'), 'utf8');
  const bad: Array<[string, string, RegExp]> = [
    ['missing-target.yaml', BASE.replace(/^target:\n(  .*\n|\s*\n|  #.*\n)*/m, ''), /missing-target\.yaml: target: required field is missing/],
    ['unknown-target.yaml', BASE.replace('designation: Itokawa', 'designation: "Nowhere 1234"'), /unknown-target\.yaml: target\.designation: .*Nowhere 1234/],
    ['wrong-unit.yaml', BASE.replace('power: 21 kW', 'power: 25 kg'), /wrong-unit\.yaml: spacecraft\.power: expected a positive quantity in W, got "25 kg" \(wrong unit\)/],
    ['negative-isp.yaml', BASE.replace('thrusterPreset: spt-140', 'thrusterPreset: spt-140\n  isp: "-1800 s"'), /negative-isp\.yaml: spacecraft\.isp: expected a positive quantity in s, got "-1800 s"/],
    ['syntax.yaml', BASE.replace('products: [Nd, Dy, Tb, Pr]', 'products: [Nd, Dy, Tb, Pr'), /syntax\.yaml: YAML syntax error at line \d+/],
    ['empty.yaml', '', /empty\.yaml: the file is empty/],
    ['thruster.yaml', BASE.replace('thrusterPreset: spt-140', 'thrusterPreset: spt140x'), /thruster\.yaml: spacecraft\.thrusterPreset: unknown thruster preset "spt140x"/],
    ['capsule.yaml', BASE.replace('preset: hayabusa2', 'preset: hayabusa3'), /capsule\.yaml: capsules\.preset: unknown capsule preset "hayabusa3" \(did you mean "hayabusa"\?\)/],
    ['product.yaml', BASE.replace(/  recovery:\n(    .*\n)+/, ''), /product\.yaml: refinery\.products: route melt-silicate does not extract Nd/],
    ['unknown-key.yaml', BASE.replace('  propellantMargin: 0.1', '  propellantMargin: 0.1\n  warpDrive: true'), /unknown-key\.yaml: spacecraft: unknown field "warpDrive"/],
    ['typo-key.yaml', BASE.replace('  dryMass:', '  dryMas:'), /typo-key\.yaml: spacecraft: unknown field "dryMas" \(did you mean "dryMass"\?\)\n$/],
    ['nan.yaml', BASE.replace('power: 21 kW', 'power: .nan'), /nan\.yaml: spacecraft\.power: expected a positive quantity in W, got \.nan\n$/],
    ['inf.yaml', BASE.replace('maxDv: 12 km/s', 'maxDv: .inf'), /inf\.yaml: window\.maxDv: expected a positive quantity in km\/s, got \.inf\n$/],
  ];
  for (const [name, text, expected] of bad) {
    it(`bad scenario (${name}): exit 2, one line naming the problem, nothing written`, async () => {
      const file = join(tmp, name);
      writeFileSync(file, text);
      const out = join(tmp, `${name}.csv`);
      const before = new Set(readdirSync(tmp));
      for (const argv of [['plan', file], ['export', file, '--format', 'csv', '-o', out], ['compare', file, EX('metal-pgm-earth.yaml'), '--samples', '0'], ['compare', EX('metal-pgm-earth.yaml'), file, '--samples', '0']]) {
        const r = await runCli(argv, { cwd: tmp });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(expected);
      }
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(tmp).filter((f) => !before.has(f))).toEqual([]); // no temp files either
      // --json: the error envelope instead, still exit 2.
      const j = await runCli(['plan', file, '--json']);
      expect(j.code).toBe(2);
      expect(envelope(j).error?.code).toMatch(/INVALID_INPUT|NOT_FOUND/);
    });
  }

  it('--catalog with a file that is not a catalog: exit 2, one line naming the file', async () => {
    const r = await runCli(['plan', EX('rare-earth-stype.yaml'), '--catalog', EX('metal-pgm-earth.yaml'), '--samples', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('metal-pgm-earth.yaml');
  });

  const NEA = join(ROOT, '../shared/data/neo/NEA.txt');
  it.skipIf(!existsSync(NEA))('--catalog plans against another orbit file (MPC NEA.txt, epoch 2019-07-02)', async () => {
    const r = await runCli(['plan', EX('rare-earth-stype.yaml'), '--catalog', NEA, '--samples', '0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const p = envelope<Plan>(r).result;
    if (!p.target.modelled) throw new Error('target not modelled');
    expect(p.target.orbit.epochJd).toBe(2458666.5); // NEA.txt epoch K1972 = 2019-07-02.0 TT (shared data README)
  });

  it('a missing file is one line, exit 2', async () => {
    const r = await runCli(['plan', 'nope.yaml'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: nope.yaml: cannot read the scenario file (no such file)\n');
  });

  it('settings precedence: flag > env > project config > user config > scenario > default (samples, seed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-cfg-'));
    const noUnc = BASE.replace(/^uncertainty:\n(  .*\n)*/m, '');
    writeFileSync(join(dir, 'a.yaml'), noUnc);
    writeFileSync(join(dir, 'b.yaml'), noUnc + 'uncertainty:\n  samples: 4\n  seed: 44\n');
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'prospector'), { recursive: true });
    const run = async (argv: string[], env: Record<string, string> = {}) => {
      const r = await runCli(['plan', ...argv, '--json'], { cwd: dir, env: { XDG_CONFIG_HOME: xdg, ...env } });
      expect(r.code, r.stderr).toBe(0);
      return envelope<Plan>(r).result.scenario;
    };
    // Fast runs: every layer below sets a small count.
    expect((await run(['b.yaml'])).samples).toBe(4); // the scenario's own value, with no config files
    writeFileSync(join(xdg, 'prospector', 'config.json'), JSON.stringify({ samples: 2 }));
    expect((await run(['a.yaml'])).samples).toBe(2); // user config
    expect((await run(['b.yaml'])).samples).toBe(2); // user config beats the scenario
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ samples: 3, seed: 33 }));
    expect(await run(['a.yaml'])).toMatchObject({ samples: 3, seed: 33 }); // project config beats user config
    expect(await run(['b.yaml'])).toMatchObject({ samples: 3, seed: 33 }); // ... and the scenario
    expect((await run(['b.yaml'], { PROSPECTOR_SAMPLES: '5' })).samples).toBe(5); // env beats config files
    expect((await run(['b.yaml', '--samples', '6'], { PROSPECTOR_SAMPLES: '5' })).samples).toBe(6); // flag beats env
  });

  it('a config file applies to the bundled examples too (they all set uncertainty.samples)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-cfg-ex-'));
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ samples: 5 }));
    for (const f of ['metal-pgm-earth.yaml', 'water-orbit-ctype.yaml', 'rare-earth-stype.yaml']) {
      const r = await runCli(['plan', EX(f), '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(envelope<Plan>(r).result.scenario.samples).toBe(5);
    }
    // A config file's catalog is used when the scenario names none...
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ catalog: 'config-cat.txt' }));
    let r = await runCli(['plan', EX('rare-earth-stype.yaml'), '--samples', '0'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('config-cat.txt');
    // ... but a scenario's catalog is data, part of what it means: it beats the config files.
    writeFileSync(join(dir, 'own.yaml'), BASE.replace('designation: Itokawa', 'designation: Itokawa\n  catalog: scenario-cat.txt'));
    r = await runCli(['plan', 'own.yaml', '--samples', '0'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scenario-cat.txt');
    expect(r.stderr).not.toContain('config-cat.txt');
  });

  it('config errors read like scenario errors: file, key, expectation; --json gives error.field and error.file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-cfgerr-'));
    writeFileSync(join(dir, 'a.yaml'), BASE);
    const cases: Array<[string, string]> = [
      [JSON.stringify({ samples: 'many' }), 'prospector: prospector.config.json: samples: expected a whole number of samples 0–1000000, got "many"\n'],
      [JSON.stringify({ samples: 2.5 }), 'prospector: prospector.config.json: samples: expected a whole number of samples 0–1000000, got 2.5\n'],
      [JSON.stringify({ sampels: 3 }), 'prospector: prospector.config.json: unknown field "sampels" (did you mean "samples"?)\n'],
      [JSON.stringify({ colour: 'red' }), 'prospector: prospector.config.json: unknown field "colour" (expected one of samples, seed, catalog, exportFormat, csvBom)\n'],
      [JSON.stringify({ exportFormat: 'xlsx' }), 'prospector: prospector.config.json: exportFormat: expected one of csv, json, svg, got "xlsx"\n'],
      [JSON.stringify({ csvBom: 'yes' }), 'prospector: prospector.config.json: csvBom: expected true or false, got "yes"\n'],
      ['[1, 2]', 'prospector: prospector.config.json: expected a JSON object of settings (samples, seed, catalog, exportFormat, csvBom), got a list\n'],
      ['', 'prospector: prospector.config.json: the config file is empty (expected a JSON object such as {"samples": 200})\n'],
    ];
    for (const [text, expected] of cases) {
      writeFileSync(join(dir, 'prospector.config.json'), text);
      const r = await runCli(['plan', 'a.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(expected);
      expect(r.stdout).toBe('');
    }
    writeFileSync(join(dir, 'prospector.config.json'), '{"seed": 1,}');
    let r = await runCli(['plan', 'a.yaml'], { cwd: dir });
    expect(r.stderr).toMatch(/^prospector: prospector\.config\.json: invalid JSON \(.+\)\n$/);
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ seed: -1 }));
    r = await runCli(['plan', 'a.yaml', '--json'], { cwd: dir });
    expect(envelope(r).error).toMatchObject({ code: 'INVALID_INPUT', field: 'seed', file: 'prospector.config.json' });
    // The user config is named with ~ when it lives under HOME.
    writeFileSync(join(dir, 'prospector.config.json'), '{}');
    mkdirSync(join(dir, 'home', '.config', 'prospector'), { recursive: true });
    writeFileSync(join(dir, 'home', '.config', 'prospector', 'config.json'), JSON.stringify({ seeed: 4 }));
    r = await runCli(['plan', 'a.yaml'], { cwd: dir, env: { HOME: join(dir, 'home') } });
    expect(r.stderr).toBe('prospector: ~/.config/prospector/config.json: unknown field "seeed" (did you mean "seed"?)\n');
  });

  it('scenario errors in --json: error.field is the field path, error.file the file', async () => {
    const file = join(tmp, 'json-err.yaml');
    writeFileSync(file, BASE.replace('thrusterPreset: spt-140', 'thrusterPreset: spt-140\n  isp: "-1800 s"'));
    let r = await runCli(['plan', 'json-err.yaml', '--json'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(envelope(r).error).toEqual({
      code: 'INVALID_INPUT',
      message: 'json-err.yaml: spacecraft.isp: expected a positive quantity in s, got "-1800 s"',
      field: 'spacecraft.isp',
      file: 'json-err.yaml',
      // Every validation problem (here one), for scripts: test/cli/scenario-errors.test.ts has several.
      problems: [{ field: 'spacecraft.isp', message: 'expected a positive quantity in s, got "-1800 s"' }],
    });
    // An error found after validation (the catalog lookup) carries both too.
    writeFileSync(file, BASE.replace('designation: Itokawa', 'designation: "Nowhere 1234"'));
    r = await runCli(['plan', 'json-err.yaml', '--json'], { cwd: tmp });
    expect(envelope(r).error).toMatchObject({ field: 'target.designation', file: 'json-err.yaml' });
    // A whole-file problem has a file and no field.
    writeFileSync(file, '');
    r = await runCli(['plan', 'json-err.yaml', '--json'], { cwd: tmp });
    const e = envelope(r).error as Record<string, unknown>;
    expect(e.file).toBe('json-err.yaml');
    expect(e.field).toBeUndefined();
  });

  it('--help states the settings precedence', async () => {
    for (const cmd of ['plan', 'compare', 'export']) {
      const r = await runCli([cmd, '--help']);
      expect(r.stdout).toContain('Settings, highest first:');
      expect(r.stdout).toMatch(/samples, seed +--samples\/--seed, PROSPECTOR_SAMPLES\/PROSPECTOR_SEED,\s+\.\/prospector\.config\.json, the user config, the scenario's/);
    }
  });

  it('a bad config file or env value is exit 2 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prospector-badcfg-'));
    writeFileSync(join(dir, 'a.yaml'), BASE);
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ samples: 'many' }));
    let r = await runCli(['plan', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/prospector\.config\.json: samples: /);
    writeFileSync(join(dir, 'prospector.config.json'), JSON.stringify({ sampels: 3 }));
    r = await runCli(['plan', 'a.yaml'], { cwd: dir });
    expect(r.stderr).toMatch(/prospector\.config\.json: unknown field "sampels"/);
    writeFileSync(join(dir, 'prospector.config.json'), '{}');
    r = await runCli(['plan', 'a.yaml'], { cwd: dir, env: { PROSPECTOR_SEED: '-1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: PROSPECTOR_SEED: expected a whole number 0–4294967295, got "-1"\n');
  });
});
