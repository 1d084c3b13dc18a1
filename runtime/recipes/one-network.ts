/**
 * The step, evaluation, probe and clean-up of a recipe that trains one network with one
 * optimiser on one scalar loss plus reported values (detection, autoregressive): only the
 * forward pass and the probe's inputs differ between them.
 */
import type { MaterializedNetwork } from "../materialize/materialize.js";
import type { Batch } from "../data/types.js";
import * as tf from "../tf.js";
import { disposeOptimizer } from "../train/optimizers.js";
import type { Column, PreparedRecipe } from "../train/recipe.js";
import { applyUpdate, type LossReport, type UpdateGroup } from "../train/update.js";

export interface OneNetwork {
  readonly columns: readonly Column[];
  readonly group: UpdateGroup;
  readonly network: MaterializedNetwork;
  /** The loss first, then one value per column after "loss". */
  forward(batch: Batch, training: boolean): LossReport;
  /** The network's inputs for a batch, for locating a non-finite value. */
  probeInputs(batch: Batch): tf.Tensor[];
}

export function oneNetworkRecipe(r: OneNetwork): PreparedRecipe {
  return {
    columns: r.columns,
    groups: [r.group],
    warnings: [],
    step: (batch, ctx) => applyUpdate(r.group, () => r.forward(batch, true), ctx.rules),
    evaluate: (batch) => {
      const out = r.forward(batch, false);
      return tf.stack([out.loss, ...out.report]) as tf.Tensor1D;
    },
    probe: (batch) => ({ network: r.network, inputs: r.probeInputs(batch) }),
    dispose: () => disposeOptimizer(r.group.optimizer),
  };
}
