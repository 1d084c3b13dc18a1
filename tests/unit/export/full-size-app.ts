/**
 * The app side of full-size-outputs.test.ts, in a process of its own (one per document, as
 * full-size-compare.ts explains). For each network: materializeNetwork with generated weights
 * (full-size-weights.mjs), one prediction of the seeded input, toJSON() and the outputs, dispose.
 * Usage: node --import tsx full-size-app.ts MANIFEST.json RESULT.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { nodeCandidates } from "../../../electron/host/backend/node-backends.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import { exportCases } from "./documents.js";
import { writeOutputs, type AppManifest, type RunnerNetworkPlan, type RunnerResult } from "./full-size-compare.js";
import { fillInner, inputValues, withGeneratedInit } from "./full-size-weights.mjs";

async function runNetwork(doc: GraphDocument, n: RunnerNetworkPlan): Promise<RunnerResult["cases"][string]["networks"][string]> {
  const start = performance.now();
  // materializeNetwork builds every layer synchronously before its first await.
  const { built, inner } = withGeneratedInit(tf, n.layerNames, () => ({ net: materializeNetwork(doc, n.id) }));
  const net = await built.net;
  try {
    const filled = fillInner(tf, net.model, inner);
    const outputs = tf.tidy(() => {
      const predicted = net.model.predict(n.inputs.map((s, i) => {
        const v = inputValues(i, s.shape, s.dtype, s.vocab, s.free);
        return tf.tensor(v.values, v.dims, s.dtype);
      }));
      return (Array.isArray(predicted) ? predicted : [predicted]).map((o) => ({ shape: o.shape, data: o.dataSync() as Float32Array }));
    });
    return {
      topology: net.model.toJSON(null, false), outputs: writeOutputs(n.outputFile, outputs), filled,
      seconds: (performance.now() - start) / 1000, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    net.model.dispose();
  }
}

const [manifestPath, resultPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath!, "utf8")) as AppManifest;
const entry: RunnerResult["cases"][string] = { error: null, networks: {} };
const result: RunnerResult = { backend: "", cases: { [manifest.name]: entry } };
try {
  const doc = exportCases().find((c) => c.name === manifest.name)?.doc;
  if (!doc) throw new Error(`no document named ${manifest.name}`);
  // Loads wasm onto the runtime's own tfjs instance, as the app does in Node.
  await nodeCandidates({ only: [manifest.backend] })[0]!.init();
  result.backend = tf.getBackend();
  for (const n of manifest.networks) entry.networks[n.id] = await runNetwork(doc, n);
} catch (e) {
  entry.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
}
writeFileSync(resultPath!, JSON.stringify(result));
