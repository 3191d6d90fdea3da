// The console's build: the app's entry plus the public pages' stylesheet and the
// certificate check's script (the
// gateway renders those pages without JavaScript and finds the stylesheet's hashed
// name in .vite/manifest.json), a chunk per page (route-level splitting), files
// named by content hash under assets/ so the gateway can cache them for good. Vite
// prints every file's size, gzip included, at the end of the build.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    reportCompressedSize: true,
    // No inline scripts or styles: the page's CSP has no 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    manifest: true,
    rollupOptions: {
      input: { index: "index.html", public: "src/public.css", verify: "src/verify/verify.ts" },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:8080", "/auth": "http://127.0.0.1:8080" } },
});
