/**
 * Re-running a model with temporary changes to some of its layers, for the gradient tools:
 * - guided ReLUs: every ReLU (a ReLU layer, an Activation("relu") layer, or activation "relu"
 *   inside Conv/Dense layers) passes a gradient back only where its input was positive and the
 *   gradient itself is positive (guided back-propagation);
 * - logits: a final softmax or sigmoid is left out, so a class score is the unnormalised logit;
 * - taps: one layer's output is handed to a callback (which may replace it, e.g. add a zero
 *   tensor whose gradient is the gradient with respect to that layer's activations).
 * The changes are instance properties shadowing the layer's own, set and removed around one
 * synchronous call, so nothing else (training, saving) ever sees them.
 */
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";

type Layer = tf.layers.Layer;
type CallFn = Layer["call"];

interface ActivationLike {
  getClassName(): string;
  apply(x: tf.Tensor): tf.Tensor;
}

/** One temporary property on a layer. */
export interface Patch {
  readonly target: object;
  readonly key: string;
  readonly value: unknown;
}

/** Runs `fn` with the patches in place, then puts every layer back as it was. */
export function patched<T>(patches: readonly Patch[], fn: () => T): T {
  const saved = patches.map((p) => ({ p, own: Object.prototype.hasOwnProperty.call(p.target, p.key), old: (p.target as Record<string, unknown>)[p.key] }));
  try {
    for (const { target, key, value } of patches) (target as Record<string, unknown>)[key] = value;
    return fn();
  } finally {
    for (const { p, own, old } of saved.reverse()) {
      if (own) (p.target as Record<string, unknown>)[p.key] = old;
      else delete (p.target as Record<string, unknown>)[p.key];
    }
  }
}

/** Every layer, looking inside nested models. */
function allLayers(model: tf.LayersModel): Layer[] {
  const out: Layer[] = [];
  const visit = (layers: readonly Layer[]) => {
    for (const l of layers) {
      out.push(l);
      const inner = (l as unknown as { layers?: unknown }).layers;
      if (Array.isArray(inner)) visit(inner as Layer[]);
    }
  };
  visit(model.layers);
  return out;
}

export function findLayer(model: tf.LayersModel, name: string): Layer {
  const hit = allLayers(model).find((l) => l.name === name);
  if (hit) return hit;
  const names = model.layers.map((l) => l.name);
  throw new InspectError(`The network has no layer '${name}'; its layers are ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", ..." : ""}.`);
}

const activationOf = (l: Layer): ActivationLike | undefined => {
  const a = (l as unknown as { activation?: unknown }).activation;
  return a && typeof (a as ActivationLike).getClassName === "function" ? (a as ActivationLike) : undefined;
};

/** ReLU whose gradient passes only where the input was positive and the incoming gradient is positive. */
function guidedRelu(maxValue?: number): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor;
    (args[1] as tf.GradSaveFunc)([x]);
    const value = maxValue === undefined ? tf.relu(x) : tf.clipByValue(x, 0, maxValue);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const input = saved[0]!;
        let open = tf.mul(tf.step(input), tf.step(dy));
        if (maxValue !== undefined) open = tf.mul(open, tf.cast(tf.less(input, maxValue), "float32"));
        return tf.mul(dy, open);
      },
    };
  }) as (x: tf.Tensor) => tf.Tensor;
}

// Not a name tfjs fuses into conv/matMul kernels, so layers call apply() on it.
const GUIDED: ActivationLike = { getClassName: () => "guidedRelu", apply: guidedRelu() };
const LINEAR: ActivationLike = { getClassName: () => "linear", apply: (x) => x };

export function guidedPatches(model: tf.LayersModel): Patch[] {
  const out: Patch[] = [];
  for (const l of allLayers(model)) {
    if (activationOf(l)?.getClassName() === "relu") out.push({ target: l, key: "activation", value: GUIDED });
    else if (l.getClassName() === "ReLU") {
      const max = (l as unknown as { maxValue?: number | null }).maxValue;
      const relu = guidedRelu(max ?? undefined);
      const call: CallFn = (inputs) => relu(Array.isArray(inputs) ? inputs[0]! : inputs);
      out.push({ target: l, key: "call", value: call });
    }
  }
  return out;
}

/** Index of a model output by its layer name (the first output when none is named). */
export function outputIndex(model: tf.LayersModel, output: string | undefined): number {
  if (output === undefined) return 0;
  const i = model.outputLayers.findIndex((l) => l.name === output);
  if (i < 0) throw new InspectError(`'${output}' is not an output of the network; its outputs are ${model.outputLayers.map((l) => l.name).join(", ")}.`);
  return i;
}

/** Leaves out the chosen output's softmax or sigmoid, so scores are logits. */
export function logitPatches(model: tf.LayersModel, index: number): Patch[] {
  const layer = model.outputLayers[index]!;
  const name = activationOf(layer)?.getClassName();
  return name === "softmax" || name === "sigmoid" ? [{ target: layer, key: "activation", value: LINEAR }] : [];
}

/** Checks a class index against the output's last dim; returns the class count. */
export function checkClass(model: tf.LayersModel, index: number, classIndex: number): number {
  const shape = model.outputs[index]!.shape;
  const classes = shape[shape.length - 1];
  const name = model.outputLayers[index]!.name;
  if (typeof classes === "number" && (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)) {
    throw new InspectError(`Class ${classIndex} is out of range: output '${name}' has ${classes} classes, numbered 0 to ${classes - 1}.`);
  }
  return classes ?? 0;
}

/** Replaces a layer's output with tap(output) during the patched call. */
export function tapPatch(layer: Layer, tap: (output: tf.Tensor) => tf.Tensor): Patch {
  const own = layer.call.bind(layer);
  const call: CallFn = (inputs, kwargs) => {
    const out = own(inputs, kwargs);
    return Array.isArray(out) ? [tap(out[0]!), ...out.slice(1)] : tap(out);
  };
  return { target: layer, key: "call", value: call };
}

/** The model's outputs for x, in inference mode. */
export function run(model: tf.LayersModel, x: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return ([] as tf.Tensor[]).concat(model.apply(x, { training: false }) as tf.Tensor | tf.Tensor[]);
}

/** The sum of one output's class-`classIndex` values over everything but the batch. */
export function classScore(model: tf.LayersModel, x: tf.Tensor, index: number, classIndex: number): tf.Scalar {
  const out = run(model, x)[index]!;
  return tf.sum(tf.gather(out, [classIndex], out.rank - 1));
}

/** One sample as a batch of one (adds the batch dim when missing), as float32. */
export function oneSample(model: tf.LayersModel, input: tf.Tensor, tool: string): tf.Tensor {
  const rank = model.inputs[0]!.shape.length;
  const x = input.rank === rank - 1 ? tf.expandDims(input, 0) : input;
  if (x.rank !== rank || x.shape[0] !== 1) {
    throw new InspectError(`${tool} looks at one sample at a time, of shape [${model.inputs[0]!.shape.slice(1).join(", ")}]; it was given a tensor of shape [${input.shape.join(", ")}].`);
  }
  if (model.inputs.length !== 1) throw new InspectError(`${tool} needs a network with one input; this one has ${model.inputs.length}.`);
  return x.dtype === "float32" ? x : tf.cast(x, "float32");
}

/**
 * A layer's output for x (the first output of a multi-output layer), from a patched run. The model
 * frees its intermediate values as it goes, so the tap keeps a copy (still on the gradient tape):
 * the caller disposes it, inside a tidy or not.
 */
export function capture(model: tf.LayersModel, layer: Layer, x: tf.Tensor, extra: readonly Patch[] = []): tf.Tensor {
  let seen: tf.Tensor | undefined;
  const outs = patched([...extra, tapPatch(layer, (out) => {
    seen ??= tf.keep(out.clone());
    return out;
  })], () => run(model, x));
  tf.dispose(outs);
  if (!seen) throw new InspectError(`Layer '${layer.name}' is not on the path from the network's input to its outputs, so it has no values to show.`);
  return seen;
}
