/**
 * Learning-rate schedules as pure functions of training progress, measured in epochs (2.5 = half
 * way through the third epoch), so a resumed run gets the same rate at the same batch.
 *   constant     lr
 *   step         lr · gamma^floor(t / stepEpochs)
 *   exponential  lr · gamma^t                      (smooth, per batch)
 *   cosine       min + (lr − min) · (1 + cos(π·t'/T')) / 2 over the epochs after warmup
 * Any of them may start with a linear warmup over `warmupEpochs`, from lr/steps up to the
 * schedule's value.
 */
export type ScheduleKind = "constant" | "step" | "exponential" | "cosine";
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ["constant", "step", "exponential", "cosine"];

export interface Schedule {
  readonly kind: ScheduleKind;
  readonly stepEpochs: number;
  readonly gamma: number;
  readonly minLearningRate: number;
  readonly warmupEpochs: number;
}

export const CONSTANT: Schedule = { kind: "constant", stepEpochs: 1, gamma: 1, minLearningRate: 0, warmupEpochs: 0 };

export interface Progress {
  /** Epochs done, fractional: epoch + batch / batchesPerEpoch. */
  readonly t: number;
  /** Epochs the run lasts in all. */
  readonly epochs: number;
  /** Batches per epoch, to size the warmup's first step. */
  readonly batchesPerEpoch: number;
}

export function learningRateAt(base: number, s: Schedule, p: Progress): number {
  const t = Math.max(0, p.t);
  let lr: number;
  switch (s.kind) {
    case "constant":
      lr = base;
      break;
    case "step":
      lr = base * s.gamma ** Math.floor(t / s.stepEpochs + 1e-9);
      break;
    case "exponential":
      lr = base * s.gamma ** t;
      break;
    case "cosine": {
      const span = Math.max(p.epochs - s.warmupEpochs, 1e-9);
      const u = Math.min(1, Math.max(0, (t - s.warmupEpochs) / span));
      lr = s.minLearningRate + (base - s.minLearningRate) * (1 + Math.cos(Math.PI * u)) / 2;
      break;
    }
  }
  if (s.warmupEpochs > 0 && t < s.warmupEpochs) {
    // Batch k of the warmup (0-based) trains at (k + 1) / warmupBatches of the rate.
    const warmupBatches = Math.max(1, Math.round(s.warmupEpochs * p.batchesPerEpoch));
    const k = Math.floor(t * p.batchesPerEpoch + 1e-9);
    lr *= Math.min(1, (k + 1) / warmupBatches);
  }
  return lr;
}
