import { defineConfig } from 'vite';

// The page is served by api-gateway from the jar's META-INF/resources/. Only `/`, `/index.html`,
// `/assets/**` and `/favicon.ico` are public there, so every built file lands in `assets/`
// (public/assets/config.json included) and routing uses the URL hash, never a server path.
export default defineConfig({
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
});
