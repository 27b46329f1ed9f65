import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console is built into `dist/` and served by the API at `/` (api/console/serve-console.ts), on the API's own
 * origin. It imports the catalogues and formatters from the project's `i18n/` (outside this package).
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
