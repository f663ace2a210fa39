// The catalog setting is resolved the same way by every command that names an asteroid or reads
// the catalog: --catalog > PROSPECTOR_CATALOG > (scenario) > ./prospector.config.json > user config
// > bundled; a file that cannot be read is exit 2 naming the layer that set it.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';

// 2000 SG344's osculating elements from the bundled catalog (epoch 2021-07-08.0 TDB), under
// made-up designations: each test catalog holds objects no other catalog has, so a run shows
// which file it read.
const SG344 = { epoch: 2459403.5, e: 0.0669503, a: 0.9774099, i: 0.11226, om: 191.87675, w: 275.38891, ma: 86.7117, H: 24.7 };
function sbdbCsv(designations: string[]): string {
  const rows = designations.map((d) => [d, SG344.epoch, SG344.e, SG344.a, SG344.i, SG344.om, SG344.w, SG344.ma, SG344.H].join(','));
  return ['pdes,epoch,e,a,i,om,w,ma,H', ...rows].join('\n') + '\n';
}

describe('catalog setting for every command', { timeout: 60_000 }, () => {
  let dir: string;
  let xdg: string;
  const env = () => ({ XDG_CONFIG_HOME: xdg, HOME: join(dir, 'home') });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'prospector-catset-'));
    xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'prospector'), { recursive: true });
    mkdirSync(join(dir, 'cats'));
    writeFileSync(join(dir, 'cats', 'flag.csv'), sbdbCsv(['2099 FL1']));
    writeFileSync(join(dir, 'cats', 'env.csv'), sbdbCsv(['2099 EN1']));
    writeFileSync(join(dir, 'cats', 'project.csv'), sbdbCsv(['2099 PR1']));
    writeFileSync(join(xdg, 'prospector', 'user.csv'), sbdbCsv(['2099 US1']));
  });
  const project = (cfg: object | null) => {
    const p = join(dir, 'prospector.config.json');
    writeFileSync(p, cfg === null ? '{}' : JSON.stringify(cfg));
  };
  const user = (cfg: object | null) => writeFileSync(join(xdg, 'prospector', 'config.json'), cfg === null ? '{}' : JSON.stringify(cfg));

  const targets = async (extra: string[] = [], more: Record<string, string> = {}) => {
    const r = await runCli(['targets', '--json', ...extra], { cwd: dir, env: { ...env(), ...more } });
    expect(r.code, r.stderr).toBe(0);
    return (envelope(r).result as Array<{ designation: string }>).map((x) => x.designation);
  };

  it('targets: flag > PROSPECTOR_CATALOG > project config > user config > bundled', async () => {
    project(null);
    user(null);
    expect((await targets()).length).toBe(20); // the bundled catalog, default --limit
    user({ catalog: 'user.csv' }); // relative to the user config file
    expect(await targets()).toEqual(['2099 US1']);
    project({ catalog: 'cats/project.csv' }); // relative to ./prospector.config.json
    expect(await targets()).toEqual(['2099 PR1']);
    expect(await targets([], { PROSPECTOR_CATALOG: 'cats/env.csv' })).toEqual(['2099 EN1']);
    expect(await targets(['--catalog', 'cats/flag.csv'], { PROSPECTOR_CATALOG: 'cats/env.csv' })).toEqual(['2099 FL1']);
    // An empty variable is unset, as for the other PROSPECTOR_* settings.
    expect(await targets([], { PROSPECTOR_CATALOG: '' })).toEqual(['2099 PR1']);
  });

  it('trip and screen read the same layers (environment, then the config files)', async () => {
    project({ catalog: 'cats/project.csv' });
    user({ catalog: 'user.csv' });
    const trip = async (designation: string, more: Record<string, string> = {}) =>
      runCli(['trip', designation, '--launch', '2028-01-01..2029-06-30', '--json'], { cwd: dir, env: { ...env(), ...more } });
    let r = await trip('2099 PR1');
    expect(r.code, r.stderr).toBe(0);
    expect(envelope(r).result.designation).toBe('2099 PR1');
    r = await trip('2099 EN1', { PROSPECTOR_CATALOG: 'cats/env.csv' });
    expect(r.code, r.stderr).toBe(0);
    expect(envelope(r).result.designation).toBe('2099 EN1');
    // Not found in a catalog the user did not type: the message says which one was searched.
    r = await runCli(['trip', 'Bennu', '--launch', '2028-01-01..2029-06-30'], { cwd: dir, env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prospector: asteroid "Bennu" not found in the catalog prospector\.config\.json: catalog: cats\/project\.csv \(try /);
    project(null);
    r = await trip('2099 US1');
    expect(r.code, r.stderr).toBe(0);
    expect(envelope(r).result.designation).toBe('2099 US1');

    const screen = async (more: Record<string, string> = {}) => {
      const s = await runCli(['screen', '--workers', '0', '--launch', '2028-01-01..2029-06-30', '--json'], { cwd: dir, env: { ...env(), ...more } });
      expect(s.code, s.stderr).toBe(0);
      const res = envelope(s).result as { settings: { catalogCount: number }; rows: Array<{ designation: string }> };
      return res.rows.map((x) => x.designation);
    };
    expect(await screen()).toEqual(['2099 US1']);
    project({ catalog: 'cats/project.csv' });
    expect(await screen()).toEqual(['2099 PR1']);
    expect(await screen({ PROSPECTOR_CATALOG: join(dir, 'cats', 'env.csv') })).toEqual(['2099 EN1']);
  });

  it('a missing file is exit 2 naming the setting, for every command that reads the catalog', async () => {
    project(null);
    user(null);
    const commands: string[][] = [
      ['targets'],
      ['target', 'Bennu'],
      ['trip', 'Bennu', '--launch', '2028-01-01..2028-03-01'],
      ['porkchop', 'Bennu', '--launch', '2028-01-01..2028-03-01', '--tof', '100..200', '--step', '20'],
      ['ephemeris', 'Bennu', '--date', '2030-01-01'],
      ['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '30', '--concentrator-diameter', '10'],
      ['screen', '--limit', '2', '--workers', '0'],
    ];
    for (const argv of commands) {
      const r = await runCli(argv, { cwd: dir, env: { ...env(), PROSPECTOR_CATALOG: '/nonexist' } });
      expect(r.code, argv[0]).toBe(2);
      expect(r.stderr, argv[0]).toBe('prospector: PROSPECTOR_CATALOG=/nonexist: no such file\n');
      expect(r.stdout, argv[0]).toBe('');
      const j = await runCli([...argv, '--json'], { cwd: dir, env: { ...env(), PROSPECTOR_CATALOG: '/nonexist' } });
      expect(j.code, argv[0]).toBe(2);
      expect(envelope(j).error, argv[0]).toMatchObject({ code: 'INVALID_INPUT', message: 'PROSPECTOR_CATALOG=/nonexist: no such file', field: 'PROSPECTOR_CATALOG' });
    }
    // The config files: the file and key, with --json's error.file and error.field.
    project({ catalog: 'gone.csv' });
    let r = await runCli(['trip', 'Bennu', '--launch', '2028-01-01..2028-03-01', '--json'], { cwd: dir, env: env() });
    expect(r.code).toBe(2);
    expect(envelope(r).error).toEqual({ code: 'INVALID_INPUT', message: 'prospector.config.json: catalog: gone.csv: no such file', field: 'catalog', file: 'prospector.config.json' });
    project(null);
    user({ catalog: 'gone.csv' });
    r = await runCli(['screen', '--limit', '2', '--workers', '0'], { cwd: dir, env: env() });
    expect(r.code).toBe(2);
    // (the file is named relative to the working directory when it lies below it)
    expect(r.stderr).toBe(`prospector: ${join(xdg, 'prospector', 'config.json')}: catalog: xdg/prospector/gone.csv: no such file\n`);
    // A file that is not a catalog is named the same way.
    r = await runCli(['targets'], { cwd: dir, env: { ...env(), PROSPECTOR_CATALOG: 'prospector.config.json' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prospector: PROSPECTOR_CATALOG=prospector\.config\.json: [^\n]+\n$/);
    // The flag still reads as typed (the user just wrote it).
    r = await runCli(['trip', 'Bennu', '--catalog', 'nope.csv'], { cwd: dir, env: { ...env(), PROSPECTOR_CATALOG: '/nonexist' } });
    expect(r.stderr).toBe('prospector: nope.csv: no such file\n');
    user(null);
  });

  it('plan names the layer too (environment, config file, scenario)', async () => {
    project(null);
    user(null);
    const ex = join(import.meta.dirname, '../../examples/rare-earth-stype.yaml');
    let r = await runCli(['plan', ex, '--samples', '0'], { cwd: dir, env: { ...env(), PROSPECTOR_CATALOG: '/nonexist' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: PROSPECTOR_CATALOG=/nonexist: no such file\n');
    project({ catalog: 'gone.csv' });
    r = await runCli(['plan', ex, '--samples', '0', '--json'], { cwd: dir, env: env() });
    expect(envelope(r).error).toEqual({ code: 'INVALID_INPUT', message: 'prospector.config.json: catalog: gone.csv: no such file', field: 'catalog', file: 'prospector.config.json' });
    // A scenario's own catalog beats the config files, and is named with the scenario's field.
    writeFileSync(join(dir, 'own.yaml'), readFileSync(ex, 'utf8').replace('  designation: Itokawa\n', '  designation: Itokawa\n  catalog: cats/missing.csv\n'));
    r = await runCli(['plan', 'own.yaml', '--samples', '0', '--json'], { cwd: dir, env: env() });
    expect(envelope(r).error).toEqual({ code: 'INVALID_INPUT', message: 'own.yaml: target.catalog: cats/missing.csv: no such file', field: 'target.catalog', file: 'own.yaml' });
    project(null);
  });
});
