/**
 * Input optimisation ("what does this unit look for?"): gradient ascent from seeded noise on
 *   objective(x) = mean over positions of unit u of a layer  −  weight · h(x),
 * with h the realism penalty (realism-penalty.ts). Adam drives the steps; a unit of an output
 * layer is scored before its softmax or sigmoid.
 */
import { rngFrom } from "../data/rng.js";
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";
import { capture, findLayer, logitPatches } from "./forward.js";
import { realismPenalty } from "./realism-penalty.js";
import type { LayerValues } from "./types.js";

export interface OptimizeOptions {
  readonly layerName: string;
  /** Index along the layer's last axis: a channel of a convolution, a unit of a dense layer. */
  readonly unit: number;
  readonly steps: number;
  readonly learningRate: number;
  /** Weight of the realism penalty (0: plain gradient ascent). */
  readonly penaltyWeight: number;
  /** Sizes the penalty looks at (default 3). */
  readonly scales?: number;
  readonly seed: number;
  /** Keeps the input within [lo, hi] after each step (e.g. [0, 1] for images). */
  readonly clip?: readonly [number, number];
  onProgress?(step: number, objective: number): void;
  /** Stops after the current step; the input so far is returned. */
  readonly signal?: AbortSignal;
}

export interface OptimizedInput extends LayerValues {
  /** The objective after each step. */
  readonly objective: number[];
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new InspectError(message);
}

export async function optimizeInput(model: tf.LayersModel, o: OptimizeOptions): Promise<OptimizedInput> {
  check(Number.isInteger(o.steps) && o.steps >= 1, `Input optimisation needs a whole number of steps of 1 or more, not ${o.steps}.`);
  check(o.learningRate > 0, `Input optimisation needs a learning rate above 0, not ${o.learningRate}.`);
  check(o.penaltyWeight >= 0, `The realism penalty's weight must be 0 or more, not ${o.penaltyWeight}.`);
  const layer = findLayer(model, o.layerName);
  const inShape = model.inputs[0]!.shape.slice(1);
  if (model.inputs.length !== 1 || !inShape.every((d): d is number => typeof d === "number")) {
    throw new InspectError("Input optimisation needs a network with one input of a fixed size; give the Input node a full shape.");
  }
  const outShape = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
  const units = outShape[outShape.length - 1];
  check(Number.isInteger(o.unit) && o.unit >= 0 && (units == null || o.unit < units), `Unit ${o.unit} is out of range: layer '${layer.name}' has ${units} units (channels), numbered 0 to ${(units ?? 1) - 1}.`);
  check(o.penaltyWeight === 0 || inShape.length === 3, `The realism penalty works on images (height × width × channels); this network's input is [${inShape.join(", ")}]. Set the penalty weight to 0.`);

  const rng = rngFrom("optimize-input", o.seed);
  const size = inShape.reduce((a, b) => a * b, 1);
  const x = tf.tidy(() => tf.variable(tf.tensor(Float32Array.from({ length: size }, () => 0.1 * rng.normal()), [1, ...inShape])));
  const optimizer = tf.train.adam(o.learningRate);
  const at = model.outputLayers.indexOf(layer);
  const extra = at >= 0 ? logitPatches(model, at) : [];
  const objective: number[] = [];
  try {
    for (let step = 0; step < o.steps && !o.signal?.aborted; step++) {
      const kept: tf.Tensor[] = [];
      const cost = optimizer.minimize(() => {
        const a = capture(model, layer, x, extra);
        kept.push(a);
        const value = tf.mean(tf.gather(a, [o.unit], a.rank - 1));
        const score = o.penaltyWeight > 0 ? tf.sub(value, tf.mul(realismPenalty(x as unknown as tf.Tensor4D, o.scales ?? 3), o.penaltyWeight)) : value;
        return tf.neg(score) as tf.Scalar;
      }, true, [x]);
      tf.dispose(kept);
      const v = -(await cost!.data())[0]!;
      cost!.dispose();
      objective.push(v);
      o.onProgress?.(step + 1, v);
      if (o.clip) {
        const [lo, hi] = o.clip;
        const clipped = tf.clipByValue(x, lo, hi);
        x.assign(clipped);
        clipped.dispose();
      }
    }
    return { shape: inShape, values: new Float32Array(await x.data()), objective };
  } finally {
    x.dispose();
    optimizer.dispose();
  }
}
