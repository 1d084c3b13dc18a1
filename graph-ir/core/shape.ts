/**
 * Tensor shapes as graph-ir sees them. Index 0 is always the batch dimension.
 * A dimension is a known size (number) or a symbol (string) such as "B" for the batch
 * or "T" for a variable sequence length; symbols flow through layers unchanged.
 */
export type Dim = number | string;
export type Shape = readonly Dim[];

export const BATCH: Dim = "B";

export function isKnown(d: Dim): d is number {
  return typeof d === "number";
}

/** Renders a shape the way wires show it: B×28×28×32. */
export function formatShape(shape: Shape): string {
  return shape.map(String).join("×");
}

/** Names of the dimensions for display, from the rank (channels-last layout). */
export function dimNames(shape: Shape): string[] {
  switch (shape.length) {
    case 1: return ["batch"];
    case 2: return ["batch", "features"];
    case 3: return ["batch", "time", "channels"];
    case 4: return ["batch", "height", "width", "channels"];
    default: return shape.map((_, i) => (i === 0 ? "batch" : `d${i}`));
  }
}

/** Product of the known dims after the batch, or undefined when one is symbolic. */
export function featureSize(shape: Shape): number | undefined {
  let n = 1;
  for (let i = 1; i < shape.length; i++) {
    const d = shape[i]!;
    if (!isKnown(d)) return undefined;
    n *= d;
  }
  return n;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Keras writes unknown dims as null; we keep their symbol. */
export function toKerasShape(shape: Shape): (number | null)[] {
  return shape.map((d) => (isKnown(d) ? d : null));
}
