/** A layer's activations over many inputs as a matrix (one row per input), and how well points separate by label. */
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";
import { capture, findLayer } from "./forward.js";

/** Row-major rows × cols. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array;
}

/** Each input's values at a layer, flattened to one row; inputs: [n, ...input shape]. Runs in batches of `batchSize`. */
export async function layerMatrix(model: tf.LayersModel, inputs: tf.Tensor, layerName: string, batchSize = 128): Promise<Matrix> {
  const layer = findLayer(model, layerName);
  if (inputs.rank !== model.inputs[0]!.shape.length) {
    throw new InspectError(`layerMatrix takes a batch of inputs of shape [n, ${model.inputs[0]!.shape.slice(1).join(", ")}]; it was given [${inputs.shape.join(", ")}].`);
  }
  const rows = inputs.shape[0]!;
  let values = new Float32Array(0);
  let cols = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const chunk = tf.tidy(() => {
      const part = tf.slice(inputs, start, n);
      return part.dtype === "float32" ? part : tf.cast(part, "float32");
    });
    const a = capture(model, layer, chunk);
    chunk.dispose();
    const data = await a.data();
    a.dispose();
    if (start === 0) {
      cols = data.length / n;
      values = new Float32Array(rows * cols);
    }
    values.set(data, start * cols);
  }
  return { rows, cols, values };
}

/** Leave-one-out 1-nearest-neighbour accuracy of points (n × dims, row-major) against their labels. */
export function nearestNeighbourAccuracy(points: Float32Array, dims: number, labels: ArrayLike<number>): number {
  const n = labels.length;
  if (points.length !== n * dims) throw new InspectError(`nearestNeighbourAccuracy: ${points.length} values are not ${n} points of ${dims} dims.`);
  if (n < 2) return NaN;
  let right = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let label = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let k = 0; k < dims; k++) d += (points[i * dims + k]! - points[j * dims + k]!) ** 2;
      if (d < best) {
        best = d;
        label = labels[j]!;
      }
    }
    if (label === labels[i]) right++;
  }
  return right / n;
}
