// The exported side of full-size-outputs.test.ts: runs exported TypeScript, compiled by tsc to
// plain JavaScript, under plain Node with @tensorflow/tfjs (and its wasm backend when asked, as
// the app side uses), one network at a time: build it, give it the generated weights
// (full-size-weights.mjs, the app side's generator), predict the generated input, record
// toJSON() and the outputs, dispose. Outputs go to one binary file per network, since some
// networks give millions of values.
// Usage: node full-size-run.mjs MANIFEST.json RESULT.json
import * as tf from "@tensorflow/tfjs";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fillInner, inputValues, withGeneratedInit } from "./full-size-weights.mjs";

const [manifestPath, resultPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

if (manifest.backend === "wasm") {
  // Registers on the same tfjs-core the exported code's "@tensorflow/tfjs" uses; .wasm files are read beside the package.
  await import("@tensorflow/tfjs-backend-wasm");
}
if (!(await tf.setBackend(manifest.backend))) throw new Error(`the ${manifest.backend} backend did not start`);
await tf.ready();

const results = { backend: tf.getBackend(), cases: {} };
for (const c of manifest.cases) {
  const result = { error: null, networks: {} };
  results.cases[c.name] = result;
  try {
    const mod = await import(pathToFileURL(c.module).href);
    for (const n of c.networks) {
      const start = performance.now();
      const { built: model, inner } = withGeneratedInit(tf, n.layerNames, () => mod[n.build]());
      const filled = fillInner(tf, model, inner);
      const inputs = n.inputs.map((t, i) => {
        const v = inputValues(i, t.shape, t.dtype, t.vocab, t.free);
        return tf.tensor(v.values, v.dims, t.dtype);
      });
      const predicted = model.predict(inputs);
      const outs = Array.isArray(predicted) ? predicted : [predicted];
      const values = outs.map((t) => t.dataSync());
      const all = new Float32Array(values.reduce((a, v) => a + v.length, 0));
      let offset = 0;
      const outputs = outs.map((t, i) => {
        all.set(values[i], offset);
        offset += values[i].length;
        return { shape: t.shape, size: values[i].length };
      });
      writeFileSync(n.outputFile, new Uint8Array(all.buffer));
      result.networks[n.id] = {
        topology: model.toJSON(null, false), outputs, filled,
        seconds: (performance.now() - start) / 1000, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      tf.dispose([...outs, ...inputs]);
      model.dispose();
    }
  } catch (e) {
    result.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}
writeFileSync(resultPath, JSON.stringify(results));
