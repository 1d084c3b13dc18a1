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

/** The same topology with every kernel initialised to zeros (shapes and counts are unchanged). */
function zeroKernels(topology: KerasModelTopology): KerasModelTopology {
  const layers = topology.config.layers.map((l) => ("kernel_initializer" in l.config || l.class_name === "Dense" ? { ...l, config: { ...l.config, kernel_initializer: ZEROS } } : l));
  return { ...topology, config: { ...topology.config, layers } };
}

const cases = templateIds().flatMap((id) => loadMeta(id).configurations.map((c) => [id, c.id] as const));

beforeAll(async () => {
  await tf.setBackend("cpu");
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});

describe.each(cases)("%s (%s) in tfjs", (id, config) => {
  it("builds every network with the parameter count and output shapes the analysis gives", async () => {
    const { doc, analysis } = loadConfig(id, config);
    for (const net of doc.networks) {
      const compiled = compileNetwork(doc, net.id, analysis);
      if (!compiled.ok) throw new Error(`${id}/${config} network ${net.id}: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
      const topology = config === "full" ? zeroKernels(compiled.topology) : compiled.topology;
      const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
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
