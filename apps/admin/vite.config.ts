import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app at `/` and owns /api, /health and /socket.io; the dev server
// forwards those to a locally running API (IVM_API_URL to point elsewhere) so the app runs at one
// origin in both cases.
const api = process.env.IVM_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // react-admin and MUI change far less often than IVM's own code: a separate, long-cached file.
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/health': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
