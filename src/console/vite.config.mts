import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The console: static files under dist/console, served by the hub at /console. Everything the
 * pages need is bundled (no CDN); no inline script, so a strict script-src 'self' holds.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The polyfill would be the only inline-looking code: every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    // Monaco (GraphiQL's editor) is a few MB by itself, in its own chunk.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { index: here('index.html'), graphiql: here('graphiql.html') },
      // React libraries' "use client" means nothing in a plain bundle: not worth a warning each.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
  // `npx vite -c src/console/vite.config.mts` serves the pages live against a hub on :4000.
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
