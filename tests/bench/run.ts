/**
 * `npm run bench`: runs the benchmarks and prints one JSON object. Benchmarks report numbers;
 * tests never assert wall-clock times. Pass section names to run only some: npm run bench -- shapes.
 * The long training comparisons (ntm, detection) run only when named.
 */
// Library chatter (tfjs's banner) goes to stderr so stdout stays one clean JSON document.
export {}; // a module, so the top-level awaits below are allowed

console.log = console.error;
console.info = console.error;
const { benchShapeInference } = await import("./shape-inference.bench.js");
const { benchTraining } = await import("./training.bench.js");
const { benchCanvas } = await import("./canvas.bench.js");
const { benchTrainingBrowser } = await import("./training-browser.bench.js");
const { benchNtmVsLstm } = await import("./ntm-vs-lstm.js");
const { benchDetection } = await import("./detection.bench.js");
const { benchFullSizeExport } = await import("./full-size-export.bench.js");

const sections: Record<string, () => unknown | Promise<unknown>> = {
  shapes: () => benchShapeInference(),
  training: () => benchTraining(),
  canvas: () => benchCanvas(),
  trainingBrowser: () => benchTrainingBrowser(),
  ntm: () => benchNtmVsLstm(),
  detection: () => benchDetection(),
  fullSizeExport: () => benchFullSizeExport(),
};
/** Runs of many minutes (training comparisons, the full-size export): only when named (npm run bench -- ntm detection). */
const ON_REQUEST = new Set(["ntm", "detection", "fullSizeExport"]);

const wanted = process.argv.slice(2);
const result: Record<string, unknown> = {
  machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: (await import("node:os")).cpus().length },
};
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 ? !wanted.includes(name) : ON_REQUEST.has(name)) continue;
  result[name] = await run();
}
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
