/**
 * Every network of every template compiles to a Keras topology that tfjs builds, with the
 * parameter count and output shapes our analysis predicts. Mini configurations are built as they
 * will train (their own initializers). Full ones are built with zero-filled kernels: random
 * initialization of VGG-16's or YOLO's dense layers takes tens of seconds on the cpu backend and
 * says nothing about the structure, which is what is checked here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tf from "../../../runtime/tf.js";
import "../../../runtime/layers/index.js";
import { toKerasShape } from "../../../graph-ir/core/shape.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import type { KerasModelTopology } from "../../../graph-ir/passes/keras-topology.js";
import { loadConfig, loadMeta, templateIds } from "./support.js";

const ZEROS = { class_name: "Zeros", config: {} };

const RECURRENT = new Set(["LSTM", "GRU", "SimpleRNN"]);

/**
 * One layer's config with its big weights initialised to zeros: kernels, embedding tables, and
 * recurrent kernels (whose orthogonal initializer runs a QR decomposition: minutes on the cpu
 * backend for a 1,000-unit GRU), inside Bidirectional too.
 */
function zeroed(className: string, config: Record<string, unknown>): Record<string, unknown> {
  if (RECURRENT.has(className)) return { ...config, kernel_initializer: ZEROS, recurrent_initializer: ZEROS };
  if (className === "Bidirectional") {
    const inner = config["layer"] as { class_name: string; config: Record<string, unknown> };
    return { ...config, layer: { ...inner, config: zeroed(inner.class_name, inner.config) } };
  }
  if (className === "Embedding") return { ...config, embeddings_initializer: ZEROS };
  return "kernel_initializer" in config || className === "Dense" ? { ...config, kernel_initializer: ZEROS } : config;
}

/** The same topology with its big weights initialised to zeros (shapes and counts are unchanged). */
function zeroKernels(topology: KerasModelTopology): KerasModelTopology {
  const layers = topology.config.layers.map((l) => ({ ...l, config: { ...zeroed(l.class_name, l.config), name: l.config.name } }));
  return { ...topology, config: { ...topology.config, layers } };
}

const cases = templateIds().flatMap((id) => loadMeta(id).configurations.map((c) => [id, c.id] as const));

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/**
 * tfjs 4.22's LSTMCell builds its unit-forget-bias initializer from 4 tensors it never frees
 * (tfjs-layers recurrent.ts, CustomInit.apply): 4 per LSTM cell built. Anything else must be freed.
 */
const LSTM_BUILD_LEAK = 4;
let knownLeaks = 0;
/** LSTM cells a topology builds: one per LSTM layer, two per bidirectional LSTM. */
const lstmCells = (topology: KerasModelTopology): number =>
  topology.config.layers.reduce((n, l) => {
    if (l.class_name === "LSTM") return n + 1;
    const inner = l.class_name === "Bidirectional" ? (l.config["layer"] as { class_name: string }).class_name : "";
    return n + (inner === "LSTM" ? 2 : 0);
  }, 0);

afterAll(() => {
  expect(tf.memory().numTensors).toBe(knownLeaks);
});

describe.each(cases)("%s (%s) in tfjs", (id, config) => {
  it("builds every network with the parameter count and output shapes the analysis gives", async () => {
    const { doc, analysis } = loadConfig(id, config);
    for (const net of doc.networks) {
      const compiled = compileNetwork(doc, net.id, analysis);
      if (!compiled.ok) throw new Error(`${id}/${config} network ${net.id}: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
      const topology = config === "full" ? zeroKernels(compiled.topology) : compiled.topology;
      const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
      knownLeaks += LSTM_BUILD_LEAK * lstmCells(topology);
      try {
        const summary = analysis.networks.get(net.id)!;
        expect(model.countParams(), `${net.id} params`).toBe(summary.params);
        expect(model.outputs.map((o) => o.shape)).toEqual(summary.outputs.map((o) => toKerasShape(o.shape!)));
      } finally {
        model.dispose();
      }
    }
  });
});
