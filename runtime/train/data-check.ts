/**
 * Checks of the data against the network, before any step runs: the sample shape against the
 * Input node's, and every batch for NaN or Infinity (which would otherwise surface many steps
 * later as a NaN loss with no obvious cause).
 */
import { formatShape, type Shape } from "../../graph-ir/core/shape.js";
import type { CompiledPort } from "../../graph-ir/passes/compile.js";
import type { Batch, Dataset, Split, TensorData } from "../data/types.js";
import { TrainingError } from "./errors.js";

const dims = (shape: readonly number[]): string => (shape.length ? shape.join("×") : "a single number");

/** Whether a per-sample shape fits a port shape (batch first; named dims such as T take any size). */
export function fitsShape(sample: readonly number[], port: Shape): boolean {
  const want = port.slice(1);
  return want.length === sample.length && want.every((d, i) => typeof d !== "number" || d === sample[i]);
}

export function checkInputFits(dataset: Dataset, input: CompiledPort, network: string): void {
  if (fitsShape(dataset.inputShape, input.shape)) return;
  const want = formatShape(input.shape.slice(1));
  const sameSize = dataset.inputShape.reduce((a, b) => a * b, 1) === input.shape.slice(1).reduce<number>((a, b) => a * (typeof b === "number" ? b : NaN), 1);
  const hint = sameSize
    ? `insert a Reshape to ${want} after '${input.nodeId}', or set its shape to [${dataset.inputShape.join(", ")}]`
    : `set the shape of '${input.nodeId}' to [${dataset.inputShape.join(", ")}], or pick a dataset whose samples are ${want}`;
  throw new TrainingError(
    "data-shape",
    `The dataset ${dataset.id} gives samples of shape ${dims(dataset.inputShape)}, but input '${input.nodeId}' of network '${network}' takes ${want}. To fix: ${hint}.`,
    input.nodeId,
  );
}

function positionOf(flat: number, shape: readonly number[]): string {
  const idx: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]!);
    rest = Math.floor(rest / shape[d]!);
  }
  return `[${idx.join(", ")}]`;
}

function firstNonFinite(t: TensorData): number {
  if (t.dtype !== "float32") return -1;
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i]!)) return i;
  return -1;
}

/** Throws naming the sample, split and position of the first NaN or Infinity in a batch. */
export function checkBatchFinite(batch: Batch, dataset: Dataset, split: Split): void {
  const fields: [string, TensorData][] = [["input", batch.x], ["target", batch.y], ...Object.entries(batch.extras).map(([k, v]) => [`"${k}" field`, v] as [string, TensorData])];
  for (const [what, t] of fields) {
    const at = firstNonFinite(t);
    if (at < 0) continue;
    const per = t.shape.slice(1).reduce((a, b) => a * b, 1);
    const row = Math.floor(at / Math.max(per, 1));
    const value = t.data[at]!;
    throw new TrainingError(
      "data-not-finite",
      `Sample ${batch.indices[row] ?? row} of the ${split} split of ${dataset.id} has ${Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"} in its ${what} at position ${positionOf(at - row * per, t.shape.slice(1))}. Training on it would make the loss NaN: clean the data (drop or fill missing values) and try again.`,
    );
  }
}
