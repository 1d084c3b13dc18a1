/**
 * Why training cannot start or had to stop, with a stable code (the CLI picks its exit status
 * and the app its panel from it) and a message that names the node, loss or setting at fault
 * and what to do.
 */
export type TrainingErrorCode =
  | "no-training" // the document has no training section
  | "unknown-recipe"
  | "bad-settings" // a value in training (or its options) is out of range
  | "graph" // a bound network does not build
  | "data-shape" // the dataset's samples or targets do not fit the network
  | "data-not-finite" // NaN or Infinity in the data
  | "non-finite-loss"
  | "out-of-memory"
  | "checkpoint"; // a checkpoint that does not belong to this graph or is damaged

export class TrainingError extends Error {
  override readonly name = "TrainingError";
  constructor(
    readonly code: TrainingErrorCode,
    message: string,
    /** The graph node at fault, when there is one. */
    readonly nodeId?: string,
  ) {
    super(message);
  }
}

const OUT_OF_MEMORY = [
  /array buffer allocation failed/i,
  /invalid typed array length/i,
  /invalid array length/i,
  /out of memory/i,
  /\boom\b/i,
  /failed to allocate/i,
  /allocation failed/i,
  /cannot allocate/i,
];

/** Whether an error thrown by tfjs or by JS while training means memory ran out. */
export function isOutOfMemory(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return OUT_OF_MEMORY.some((re) => re.test(text));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
