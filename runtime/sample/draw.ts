/** Drawing from a model's scores with a seeded uniform number. */

/** An index drawn from softmax(scores): scores are logits, already divided by any temperature. */
export function drawFromLogits(scores: ArrayLike<number>, u: number): number {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  const e = new Float64Array(scores.length);
  let total = 0;
  for (let i = 0; i < scores.length; i++) total += e[i] = Math.exp(scores[i]! - max);
  let acc = 0;
  for (let i = 0; i < e.length; i++) {
    acc += e[i]!;
    if (u * total < acc) return i;
  }
  return e.length - 1;
}

/** Log-probabilities from an output that is either probabilities or logits, divided by the temperature. */
export function temperedScores(values: ArrayLike<number>, from: number, count: number, logits: boolean, temperature: number): number[] {
  return Array.from({ length: count }, (_, j) => (logits ? values[from + j]! : Math.log(Math.max(values[from + j]!, 1e-30))) / temperature);
}
