/**
 * Where the package's bundled files live. Source runs from `src/` (tsx, vitest) and the build
 * from `dist/src/`, so walk up to the directory holding our package.json instead of assuming
 * a depth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'prospector') {
          root = dir;
          return dir;
        }
      } catch {
        /* not ours; keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('prospector: cannot locate the package root (package.json)');
    dir = up;
  }
}

/** Absolute path of a bundled data file, e.g. `dataPath('catalog/neas.json')`. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
