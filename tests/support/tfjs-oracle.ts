/**
 * The reference our shape rules are held against: build the layer in real tfjs from the very
 * Keras spec our definition emits, and read back what tfjs computes.
 */
import * as tf from "../../runtime/tf.js";
import type { Shape } from "../../graph-ir/core/shape.js";
import { toKerasShape } from "../../graph-ir/core/shape.js";
import type { KerasLayerSpec } from "../../graph-ir/layers/types.js";

export interface OracleResult {
  /** Output shapes with the batch (and any unknown dim) as null. */
  readonly outputShapes: (number | null)[][];
  readonly paramCount: number;
}

/**
 * Wraps one layer spec in a functional model (one InputLayer per input) via modelFromJSON,
 * so the spec goes through tfjs's own deserialisation (snake_case config included).
 */
export async function tfjsOracle(spec: KerasLayerSpec, inputs: readonly Shape[], inputDtypes?: readonly string[]): Promise<OracleResult> {
  const layers: unknown[] = [];
  const inbound: unknown[] = [];
  inputs.forEach((shape, i) => {
    const name = `in${i}`;
    layers.push({
      name, class_name: "InputLayer",
      config: { batch_input_shape: toKerasShape(shape), dtype: inputDtypes?.[i] ?? "float32", sparse: false, name },
      inbound_nodes: [],
    });
    inbound.push([name, 0, 0, {}]);
  });
  layers.push({ name: "subject", class_name: spec.className, config: { ...spec.config, name: "subject" }, inbound_nodes: [inbound] });
  const modelTopology = {
    class_name: "Model",
    config: { name: "oracle", layers, input_layers: inputs.map((_, i) => [`in${i}`, 0, 0]), output_layers: [["subject", 0, 0]] },
    keras_version: "tfjs-layers 4.22.0",
    backend: "tensor_flow.js",
  };
  const model = await tf.models.modelFromJSON({ modelTopology } as unknown as tf.io.ModelJSON);
  const layer = model.getLayer("subject");
  const out = layer.outputShape;
  const shapes = (Array.isArray(out[0]) || out.length === 0 ? out : [out]) as (number | null)[][];
  const paramCount = layer.countParams();
  model.dispose();
  return { outputShapes: shapes, paramCount };
}
