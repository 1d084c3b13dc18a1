/** A TrainingProbe over a compiled tfjs LayersModel: what the selector's self-check runs. */
import * as tf from "../tf.js";
import type { ProbeFactory, TrainingProbe } from "./select.js";

export interface ModelProbeSpec {
  /** Builds and compiles a fresh model (on whatever backend is current). */
  build(): tf.LayersModel | Promise<tf.LayersModel>;
  /** One batch of inputs and targets; made once per backend and reused for every step. */
  batch(): { xs: tf.Tensor | tf.Tensor[]; ys: tf.Tensor | tf.Tensor[] };
}

export function modelProbe(spec: ModelProbeSpec): ProbeFactory {
  return async (): Promise<TrainingProbe> => {
    const model = await spec.build();
    const { xs, ys } = spec.batch();
    return {
      async step() {
        const out = await model.trainOnBatch(xs, ys);
        // With several outputs tfjs returns [total, per-output...]; the total is what must be finite.
        return Array.isArray(out) ? out[0]! : out;
      },
      dispose() {
        tf.dispose([xs, ys].flat());
        model.dispose();
        // The optimiser's slots (momentum, Adam moments) are not freed by model.dispose().
        (model.optimizer as tf.Optimizer | undefined)?.dispose();
      },
    };
  };
}
