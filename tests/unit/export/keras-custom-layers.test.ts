/**
 * The Python classes the Keras export writes for the custom layers (LocalResponseNormalization,
 * LayerloomAttention, NTMMemory) compute what the app's tfjs layers compute: each runs on the
 * app layer's weights and inputs and must give its outputs. Where TensorFlow is not installed
 * (here, and in CI), the classes run on a numpy stand-in for the few TensorFlow ops they use
 * (python/numpy_tf.py); the test skips, saying why, without python3 or numpy.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON_CLASSES } from "../../../graph-ir/export/keras-custom.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import * as tf from "../../../runtime/tf.js";
import "../../../runtime/layers/index.js";
import { workspace } from "./workspace.js";

const PYTHON_DIR = new URL("./python/", import.meta.url).pathname;
const ws = workspace("keras-custom");
afterAll(() => ws.remove());

function numpyPython(): string | undefined {
  const r = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (r.error) return `no python3 here (${r.error.message})`;
  return r.status === 0 ? undefined : "python3 has no numpy";
}

interface Case {
  name: string;
  className: string;
  /** snake_case config, as the Keras export passes it. */
  config: Record<string, unknown>;
  inputs: Shape[];
}

const CASES: Case[] = [
  { name: "lrn", className: "LocalResponseNormalization", config: { depth_radius: 2, bias: 1.5, alpha: 0.3, beta: 0.75 }, inputs: [[2, 3, 3, 7]] },
  { name: "self_dot_causal", className: "LayerloomAttention", config: { input_mode: "self", score: "dot", num_heads: 2, key_dim: 3, value_dim: 4, output_dim: 5, causal: true, use_bias: true, return_scores: true }, inputs: [[2, 4, 6]] },
  { name: "cross_additive", className: "LayerloomAttention", config: { input_mode: "queryValue", score: "additive", num_heads: 2, key_dim: 3, value_dim: 3, output_dim: 0, causal: false, use_bias: true, return_scores: false }, inputs: [[2, 3, 5], [2, 4, 6]] },
  { name: "qkv_no_bias", className: "LayerloomAttention", config: { input_mode: "queryKeyValue", score: "dot", num_heads: 1, key_dim: 4, value_dim: 2, output_dim: 3, causal: false, use_bias: false, return_scores: true }, inputs: [[2, 3, 5], [2, 4, 6], [2, 4, 2]] },
  { name: "ntm", className: "NTMMemory", config: { memory_slots: 5, slot_size: 3, read_heads: 2, write_heads: 2, controller_units: 4, shift_range: 1, output_dim: 3 }, inputs: [[2, 4, 3]] },
];

/** The app's layer (built through modelFromJSON from the snake_case config), random weights, outputs. */
async function appCase(c: Case, seed: number) {
  const names = c.inputs.map((_, i) => `in${i}`);
  const layers: unknown[] = c.inputs.map((shape, i) => ({
    name: names[i], class_name: "InputLayer", config: { batch_input_shape: toKerasShape(shape).map((d, k) => (k === 0 ? null : d)), dtype: "float32", name: names[i] }, inbound_nodes: [],
  }));
  layers.push({ name: "subject", class_name: c.className, config: { ...c.config, name: "subject" }, inbound_nodes: [names.map((n) => [n, 0, 0, {}])] });
  const outputs = c.config["return_scores"] === true ? [["subject", 0, 0], ["subject", 0, 1]] : [["subject", 0, 0]];
  const modelTopology = { class_name: "Model", config: { name: "m", layers, input_layers: names.map((n) => [n, 0, 0]), output_layers: outputs } };
  const model = await tf.models.modelFromJSON({ modelTopology } as unknown as tf.io.ModelJSON);
  const layer = model.getLayer("subject");
  // Weights large enough that every term matters (biases too, unlike a fresh layer's zeros).
  layer.setWeights(layer.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, "float32", seed + i)));
  const xs = c.inputs.map((s, i) => tf.randomUniform(s as number[], -1, 1, "float32", seed + 100 + i));
  const y = model.predict(xs);
  const ys = Array.isArray(y) ? y : [y];
  const result = {
    name: c.name, class: c.className,
    // The Python classes take Layerloom's own enum spellings as the export writes them.
    config: c.config,
    weights: layer.getWeights().map((w) => Array.from(w.dataSync())),
    weightNames: layer.weights.map((w) => w.originalName.split("/").pop()),
    inputs: xs.map((x) => x.arraySync()),
    outputs: ys.map((t) => t.arraySync()),
  };
  tf.dispose([...xs, ...ys]);
  model.dispose();
  return result;
}

describe("Keras export's custom layer classes", () => {
  it("compute the app's outputs from the app's weights, with the weights in the contract's order", async (ctx) => {
    const missing = numpyPython();
    if (missing) {
      console.log(`Custom layer check of the Keras export skipped: ${missing}`);
      ctx.skip();
      return;
    }
    const cases = [];
    for (const [i, c] of CASES.entries()) cases.push(await appCase(c, 40 + 10 * i));
    const file = ws.write("cases.json", JSON.stringify({ classes: PYTHON_CLASSES, cases }));
    const r = spawnSync("python3", [join(PYTHON_DIR, "run_custom_layers.py"), file], { encoding: "utf8", cwd: PYTHON_DIR, env: { ...process.env, PYTHONPATH: PYTHON_DIR, PYTHONDONTWRITEBYTECODE: "1" } });
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as Record<string, { weights: string[]; diffs: number[]; outputs: number }>;
    for (const c of cases) {
      const got = report[c.name]!;
      expect(got.weights, `${c.name} weight order`).toEqual(c.weightNames);
      expect(got.outputs, c.name).toBe(c.outputs.length);
      for (const d of got.diffs) expect(d, c.name).toBeLessThan(1e-4);
    }
  }, 60_000);
});
