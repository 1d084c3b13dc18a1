// electron-vite: builds the desktop app's three parts. Main (ES module, Node target) and the
// preload (CommonJS: a sandboxed preload cannot be an ES module) are bundled whole, zod and the
// host services included, so the packaged app needs no node_modules. The renderer is the same
// build as vite.config.ts, into the same folder, which the web host serves too.
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

const here = (path: string) => resolve(import.meta.dirname, path);
// Tests build into a temporary folder so they never touch the app a person is running.
const out = process.env.LAYERLOOM_BUILD_DIR ?? "dist";

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/electron/main`,
      externalizeDeps: false,
      sourcemap: true,
      rolldownOptions: { input: { index: here("electron/main/index.ts") } },
    },
  },
  preload: {
    build: {
      outDir: `${out}/electron/preload`,
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here("electron/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: here("renderer"),
    plugins: [react()],
    build: {
      outDir: `${out}/renderer`,
      emptyOutDir: true,
      minify: true,
      target: "es2022",
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: here("renderer/index.html") },
    },
  },
});
