// Loads a model written by `layerloom export` the way someone's own program would: plain tfjs
// and Layerloom's custom-layer module, nothing else from Layerloom. Run with tsx (the layer module
// is TypeScript):  node --import tsx tests/support/load-exported.mjs MODEL_DIR 'INPUT_JSON'
// Prints the predictions as JSON: one flat list of numbers per model output.
//
// In Node, runtime/layers registers its classes on tfjs's ES2017 bundle (runtime/tf.ts), so this
// script takes tfjs from that same file; "@tensorflow/tfjs" alone would be a second tfjs there.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs/dist/tf.es2017.js";
import "../../runtime/layers/index.ts";

const [dir, inputJson] = process.argv.slice(2);
if (!dir || !inputJson) {
  console.error("usage: load-exported.mjs MODEL_DIR INPUT_JSON");
  process.exit(2);
}
const json = JSON.parse(await readFile(join(dir, "model.json"), "utf8"));
const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
const buffers = await Promise.all(json.weightsManifest.flatMap((group) => group.paths).map((p) => readFile(join(dir, p))));
const bytes = Buffer.concat(buffers);
const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
const outputs = [model.predict(tf.tensor(JSON.parse(inputJson)))].flat();
const values = [];
for (const o of outputs) values.push(Array.from(await o.data()));
console.log(JSON.stringify(values));
