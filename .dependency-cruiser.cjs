/**
 * The dependency rule of ARCHITECTURE.md, enforced:
 *   graph-ir <- runtime <- (renderer, cli, electron/host)
 * graph-ir imports nothing but itself and zod; renderer never reaches electron or node:*.
 */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "Import cycles make load order fragile and layers blurry.", from: {}, to: { circular: true } },
    {
      name: "graph-ir-is-pure", severity: "error",
      comment: "graph-ir is pure TypeScript: no tfjs, React, Electron, DOM libraries or node built-ins.",
      from: { path: "^graph-ir/" },
      to: { pathNot: ["^graph-ir/", "^node_modules/zod/"] },
    },
    {
      name: "runtime-only-graph-ir", severity: "error",
      comment: "runtime builds on graph-ir and tfjs only; it runs in a browser worker and in Node alike.",
      from: { path: "^runtime/" },
      to: { pathNot: ["^runtime/", "^graph-ir/", "^node_modules/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "runtime-no-node-builtins", severity: "error",
      comment: "runtime must run unchanged in a Web Worker.",
      from: { path: "^runtime/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "renderer-no-electron-or-node", severity: "error",
      comment: "The renderer talks to the host only through renderer/platform.",
      from: { path: "^renderer/" },
      to: { path: ["^electron/", "^cli/", "^node_modules/electron/"] },
    },
    {
      name: "renderer-no-node-builtins", severity: "error",
      from: { path: "^renderer/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "host-not-electron", severity: "error",
      comment: "electron/host is plain Node so the web host and the CLI reuse it.",
      from: { path: "^electron/host/" },
      to: { path: ["^node_modules/electron/", "^electron/main/", "^electron/preload/"] },
    },
    {
      name: "electron-only-at-the-edges", severity: "error",
      comment: "Only electron/main/index.ts and electron/preload/index.ts load Electron; all other code is plain Node, unit-tested without it.",
      from: { pathNot: ["^electron/main/index\\.ts$", "^electron/preload/index\\.ts$"] },
      to: { path: "^node_modules/electron/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "one-tfjs-instance", severity: "error",
      comment: "tfjs comes only through runtime/tf.ts: custom layers register on one instance, and Node must get the fast bundle.",
      // Plain .mjs scripts under tests/ run in their own process as stand-ins for a user's program
      // (loading an exported model), which takes tfjs straight from the package.
      from: { pathNot: ["^runtime/tf\\.ts$", "^runtime/kernels/", "^runtime/tf-bundle\\.d\\.ts$", "^electron/host/backend/", "^runtime/backend/", "^tests/.+\\.mjs$"] },
      // .wasm files are asset URLs handed to the wasm backend, not a second tfjs instance.
      to: { path: "^node_modules/@tensorflow/", pathNot: "\\.wasm$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "runtime-no-node-packages", severity: "error",
      comment: "Node-only packages (Dawn bindings, image decoders) belong in electron/host, not in the runtime.",
      from: { path: "^runtime/" },
      to: { path: "^node_modules/(webgpu|pngjs|jpeg-js)/" },
    },
    {
      name: "lower-layers-do-not-reach-up", severity: "error",
      from: { path: "^(graph-ir|runtime)/" },
      to: { path: "^(renderer|electron|cli|tests)/" },
    },
    {
      name: "app-code-not-into-tests", severity: "error",
      from: { path: "^(graph-ir|runtime|renderer|electron|cli)/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    exclude: { path: ["^dist/", "^out/"] },
  },
};
