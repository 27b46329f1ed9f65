import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
/** What is worth compressing: text assets above a packet's size (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const MIN_BYTES = 1_024;

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each compressible asset once the bundle is written: the API
 * sends the copy the browser accepts (api/console/serve-console.ts) without compressing on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'parkflow-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const content = readFileSync(join(assets, name));
        if (content.length < MIN_BYTES) continue;
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
        const quality = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY };
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(content, { params: quality }));
      }
    },
  };
}

/**
 * The console is built into `dist/` and served by the API at `/` (api/console/serve-console.ts), on the API's own
 * origin. It imports the catalogues and formatters from the project's `i18n/` (outside this package).
 */
export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
