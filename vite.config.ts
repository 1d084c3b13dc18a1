// Builds the renderer (renderer/index.html) into dist/renderer, which `layerloom serve` and the
// Electron shell load. Relative asset URLs let Electron load it from file:// as well.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react()],
  // The training worker loads its webgpu and wasm backends on demand: that needs an ES module worker.
  worker: { format: "es" },
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "es2022",
    // tfjs and React Flow make big chunks; a warning per build would only be noise.
    chunkSizeWarningLimit: 4096,
  },
});
