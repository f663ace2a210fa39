// Everything the session needs to draw its first interactive frame, gathered in one module so
// that the build can bundle it (scripts/post-build.mjs → dist/cli/tui/mount.bundle.js): ink and
// React load as ~200 small files in ~0.55 s here, as one bundle in ~0.17 s. The engine stays
// outside the bundle (loaded lazily by `loadModule`), so there is one copy of it per process.
export { render } from 'ink';
export { createElement } from 'react';
export { App } from './app.js';
export { loadModule } from './engine.js';
export { stopPlanWorker } from './plan-runner.js';
