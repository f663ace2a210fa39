// User-facing text names a catalogued body by its display name ("(101955) Bennu", "(16) Psyche"),
// not by the provisional designation alone ("1999 RQ36", "A852 FA").
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { targetWarnings } from '../../src/trajectory/warnings.js';
import { loadBundledCatalog, findAsteroid } from '../../src/catalog/index.js';

describe('display names in trip output and trajectory warnings', { timeout: 60_000 }, () => {
  it('trip: the heading and the orbit warnings say "(101955) Bennu"', async () => {
    const r = await runCli(['trip', 'Bennu', '--launch', '2036-03-20', '--out-days', '249', '--stay-days', '8', '--return-days', '105']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('(101955) Bennu — ballistic round trip (Lambert legs, two-body orbits)');
    expect(r.stderr).toMatch(/^warning: \(101955\) Bennu: the orbit epoch is \d+ days/m);
    expect(r.stdout + r.stderr).not.toContain('1999 RQ36');
  });

  it('trip: Psyche is "(16) Psyche", never "A852 FA"', async () => {
    const r = await runCli(['trip', 'Psyche', '--launch', '2034-06-03', '--out-days', '289', '--stay-days', '32', '--return-days', '289', '--max-dv', '40', '--max-c3', '120', '--max-days', '2000']);
    expect([0, 3]).toContain(r.code);
    expect(r.stdout.split('\n')[0]).toBe('(16) Psyche — ballistic round trip (Lambert legs, two-body orbits)');
    expect(r.stdout + r.stderr).not.toContain('A852 FA');
  });

  it('targetWarnings names a catalog entry by its display name, a bare orbit by name and designation', () => {
    const bennu = findAsteroid(loadBundledCatalog().view, 'Bennu');
    const far = bennu.orbit.epochJd + 3650;
    expect(targetWarnings(bennu, [far - 10, far])[0]).toMatch(/^\(101955\) Bennu: the orbit epoch is 3650 days/);
    const bare = { designation: '1999 RQ36', name: 'Bennu', orbit: bennu.orbit };
    expect(targetWarnings(bare, [far - 10, far])[0]).toMatch(/^Bennu \(1999 RQ36\): /);
    expect(targetWarnings({ designation: '2006 RH120', orbit: bennu.orbit }, [far - 10, far])[0]).toMatch(/^2006 RH120: /);
  });
});
