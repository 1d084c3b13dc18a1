/**
 * A Keras functional model as plain JSON: the `modelTopology` that tfjs's
 * tf.models.modelFromJSON reads (and Keras's model.to_json() writes). Data only, no tfjs types,
 * after tfjs-layers/src/keras_format.
 */

/** A tensor of the graph: [layer name, node index (call of the layer), tensor index (output of that call)]. */
export type KerasTensorRef = readonly [layerName: string, nodeIndex: number, tensorIndex: number];

/** One input of one call: the tensor, plus call kwargs (none here). */
export type KerasInboundTensor = readonly [layerName: string, nodeIndex: number, tensorIndex: number, kwargs: Readonly<Record<string, never>>];

export interface KerasLayerConfig {
  readonly name: string;
  readonly [key: string]: unknown;
}

export interface KerasLayer {
  readonly name: string;
  readonly class_name: string;
  readonly config: KerasLayerConfig;
  /** One entry per call of the layer; each lists that call's input tensors in port order. */
  readonly inbound_nodes: readonly (readonly KerasInboundTensor[])[];
}

export interface KerasModelTopology {
  readonly class_name: "Model";
  readonly config: {
    readonly name: string;
    readonly layers: readonly KerasLayer[];
    readonly input_layers: readonly KerasTensorRef[];
    readonly output_layers: readonly KerasTensorRef[];
  };
  readonly keras_version: string;
  readonly backend: string;
}

/** What tfjs 4.x writes in these fields; modelFromJSON does not check them, Keras readers show them. */
export const KERAS_VERSION = "tfjs-layers 4.22.0";
export const KERAS_BACKEND = "tensor_flow.js";
