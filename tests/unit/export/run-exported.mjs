// Runs exported TypeScript, compiled by tsc to plain JavaScript, under plain Node with
// @tensorflow/tfjs and nothing of Layerloom: for each case it builds every network, gives it the
// weights the app's model had, predicts, and records toJSON() and the outputs; then it evaluates
// the exported weighted loss and runs the exported training function briefly.
// Usage: node run-exported.mjs MANIFEST.json RESULT.json
import * as tf from "@tensorflow/tfjs";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [manifestPath, resultPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

const tensorOf = (t) => tf.tensor(t.data, t.shape, t.dtype);
const valuesOf = (model) => model.getWeights().map((w) => Array.from(w.dataSync()));
const changed = (before, after) => before.some((w, i) => w.some((v, j) => v !== after[i][j]));

const results = {};
for (const c of manifest.cases) {
  const result = { networks: {}, error: null };
  results[c.name] = result;
  try {
    const mod = await import(pathToFileURL(c.module).href);
    const models = {};
    for (const n of c.networks) {
      const model = mod[n.build]();
      if (n.depth === "topology") {
        result.networks[n.id] = { topology: model.toJSON(null, false), outputs: [] };
        model.dispose();
        continue;
      }
      models[n.id] = model;
      const bytes = new Uint8Array(readFileSync(n.weights));
      const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      for (const l of n.layers) {
        model.getLayer(l.name).setWeights(l.weights.map((w) => tf.tensor(all.slice(w.offset, w.offset + w.size), w.shape)));
      }
      const out = model.predict(n.inputs.map(tensorOf));
      const outs = Array.isArray(out) ? out : [out];
      result.networks[n.id] = {
        topology: model.toJSON(null, false),
        outputs: outs.map((t) => ({ shape: t.shape, data: Array.from(t.dataSync()) })),
      };
    }
    const t = c.training;
    if (t && t.kind === "supervised") {
      const model = models[t.network];
      const inputs = t.inputs.map(tensorOf);
      const targets = Object.fromEntries(Object.entries(t.targets).map(([k, v]) => [k, tensorOf(v)]));
      const loss = mod[t.loss](model, inputs, targets, false).dataSync()[0];
      if (t.train) {
        const before = valuesOf(model);
        const history = await mod[t.train](model, inputs, targets, { epochs: 2, batchSize: 2 });
        result.training = { loss, history, weightsChanged: changed(before, valuesOf(model)) };
      } else result.training = { loss, history: [], weightsChanged: false };
    } else if (t && t.kind === "gan") {
      const g = models[t.generator];
      const d = models[t.discriminator];
      const before = [valuesOf(g), valuesOf(d)];
      const history = await mod.trainGan(g, d, tensorOf(t.real), { epochs: 2, batchSize: 2 });
      result.training = { history, weightsChanged: changed(before[0], valuesOf(g)) && changed(before[1], valuesOf(d)) };
    }
  } catch (e) {
    result.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}
writeFileSync(resultPath, JSON.stringify(results));
