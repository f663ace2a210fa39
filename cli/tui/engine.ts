// The engine as the TUI sees it: each domain module loaded lazily, on first use, and reported as
// unavailable (with the reason) when it is missing from this build, so a view can say so plainly
// instead of inventing numbers. Tests inject their own `TuiEngine`.
export type Availability<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Domain = 'catalog' | 'trajectory' | 'propulsion' | 'refining' | 'reentry' | 'supply' | 'economics' | 'scenario' | 'export';

/** Where each domain's functions live; a domain spread over several files is merged. */
const MODULES: Record<Domain, string[]> = {
  catalog: ['../../src/catalog/index.js'],
  trajectory: ['../../src/trajectory/porkchop.js', '../../src/trajectory/round-trip.js', '../../src/astro/time.js'],
  propulsion: ['../../src/propulsion/index.js'],
  refining: ['../../src/refining/index.js'],
  reentry: ['../../src/reentry/index.js'],
  supply: ['../../src/supply/index.js'],
  economics: ['../../src/economics/index.js'],
  scenario: ['../../src/scenario/load.js', '../../src/scenario/plan.js'],
  export: ['../../src/export/forecast.js'],
};

export type ModuleLoader = (domain: Domain) => Promise<Availability<Record<string, unknown>>>;

const cache = new Map<Domain, Promise<Availability<Record<string, unknown>>>>();

/** Imports `src/<domain>/index.js`; a missing module is an answer ("not available"), not a crash. */
export const loadModule: ModuleLoader = (domain) => {
  let p = cache.get(domain);
  if (!p) {
    // Specifiers in a variable: a module that is not written yet must not break the typecheck or the build.
    const specifiers = MODULES[domain];
    p = Promise.all(specifiers.map((s) => import(s) as Promise<Record<string, unknown>>)).then(
      (mods) => ({ ok: true as const, value: Object.assign({}, ...mods) as Record<string, unknown> }),
      (err: unknown) => ({ ok: false as const, reason: unavailableReason(domain, err) }),
    );
    cache.set(domain, p);
  }
  return p;
};

export function unavailableReason(domain: Domain, err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(String((err as Error)?.message ?? err))) {
    return `the ${domain} module (src/${domain}) is not available in this build`;
  }
  return `the ${domain} module failed to load: ${(err as Error)?.message ?? String(err)}`;
}

/** The functions a module must export for a view to use it; otherwise the view says which is missing. */
export function requireExports<T>(mod: Availability<Record<string, unknown>>, domain: Domain, names: string[]): Availability<T> {
  if (!mod.ok) return mod;
  const missing = names.filter((n) => typeof mod.value[n] !== 'function');
  if (missing.length > 0) {
    return { ok: false, reason: `the ${domain} module does not provide ${missing.join(', ')} yet` };
  }
  return { ok: true, value: mod.value as T };
}
