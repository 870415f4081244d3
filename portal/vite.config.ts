import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two apps from one build: the staff portal (index.html) and the vendor questionnaire page (vendor.html),
// which shares no code with the staff app so vendors download only what they need.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/ui'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/ui'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        staff: resolve(import.meta.dirname, 'src/ui/index.html'),
        vendor: resolve(import.meta.dirname, 'src/ui/vendor.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
