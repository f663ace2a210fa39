// After tsc: make the built entry executable (tsc keeps the shebang but not the mode bit), and
// bundle the TUI's mount module with ink and React (dist/cli/tui/mount.bundle.js). Imported as
// ~200 separate files they take ~0.55 s here; bundled, ~0.17 s — the difference between the
// session being interactive before or after 1 s. The engine (dist/src) and the rest of the CLI
// stay outside the bundle as ordinary imports, so the process holds one copy of them.
// Without esbuild (a production install without devDependencies) the TUI loads the separate files.
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, 'dist/cli/bin.js');
if (existsSync(bin)) chmodSync(bin, 0o755);

const tuiDir = resolve(root, 'dist/cli/tui');
const entry = resolve(tuiDir, 'mount.js');
const outfile = resolve(tuiDir, 'mount.bundle.js');
rmSync(outfile, { force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('post-build: esbuild not installed; the TUI will load ink unbundled (slower start)');
}

if (esbuild && existsSync(entry)) {
  const outDir = dirname(outfile);
  /** Relative imports that leave dist/cli/tui stay imports, re-pointed from the bundle's folder. */
  const keepOutsideTui = {
    name: 'keep-outside-tui',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined; // a package's own files
        const target = resolve(args.resolveDir, args.path);
        if (target === tuiDir || target.startsWith(tuiDir + sep)) return undefined;
        let path = relative(outDir, target).split(sep).join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
      // ink imports React's devtools only when DEV=true; the bundle never needs them.
      build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { connectToDevTools() {} };', loader: 'js' }));
    },
  };
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    // CommonJS packages inside the bundle (React, signal-exit, …) call require for Node built-ins.
    banner: { js: "import { createRequire as __prospectorRequire } from 'node:module'; const require = __prospectorRequire(import.meta.url);" },
    plugins: [keepOutsideTui],
  });
}
