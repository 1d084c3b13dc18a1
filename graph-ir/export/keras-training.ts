/**
 * The training part of the Keras script, for every recipe the runtime has: "supervised" as
 * model.compile + fit with the document's losses, loss weights, optimizer and global clipnorm;
 * the others as custom loops that mirror runtime/recipes step for step, by family:
 *   adversarial (gan, hinge, wgan-clip, wgan-gp, conditional-gan, pix2pix)  keras-training-games.ts
 *   sequence (autoregressive, word2vec)                                     keras-training-sequence.ts
 *   detection (yolo, ssd)                                                   keras-training-detection.ts
 * Every loop works under the script's tf.distribute strategy: variables and optimizers are made
 * in strategy.scope(), and each replica's loss is its share of the global batch's.
 */
import type { TrainingSpec } from "../core/document.js";
import { pyLiteral, pyString } from "./literal.js";
import { snakeCase } from "./names.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { INDENT, KERAS_LOSSES, buildFunctionNamePy, noTraining, optimizerLines, type PyTraining } from "./keras-training-common.js";
import { ADVERSARIAL, adversarialPy } from "./keras-training-games.js";
import { autoregressivePy, word2vecPy } from "./keras-training-sequence.js";
import { ssdPy, yoloPy } from "./keras-training-detection.js";

export { INDENT, buildFunctionNamePy, type PyTraining } from "./keras-training-common.js";

function supervisedPy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const warnings: string[] = [];
  const terms = t.losses.flatMap((l) => {
    const index = net.outputs.findIndex((o) => o.nodeId === l.output);
    if (index < 0) { warnings.push(`the ${l.loss} loss on '${l.output}' is left out: '${l.output}' is not an output of network '${net.id}'`); return []; }
    const loss = KERAS_LOSSES[l.loss];
    if (!loss) { warnings.push(`the loss '${l.loss}' on '${l.output}' has no Keras equivalent; it is left out`); return []; }
    return [{ index, output: l.output, loss, weight: l.weight }];
  });
  if (terms.length === 0) return { lines: [], main: [], names: [], warnings: [...warnings, `network '${net.id}' has no loss the Keras export can write, so the script has no training`] };
  const s = snakeCase(net.id);
  const metrics = t.metrics?.length ? t.metrics.map((m) => pyString(m)) : [];
  const metricArg = metrics.length === 0 ? [] : terms.length === 1 ? [`metrics=[${metrics.join(", ")}]`] : [`metrics=[${terms.map(() => `[${metrics.join(", ")}]`).join(", ")}]`];
  const lines = [
    `def training_model_${s}(model):`,
    `${INDENT}"""The network with only the outputs that have a loss (${terms.map((x) => x.output).join(", ")}), compiled with`,
    `${INDENT}the document's losses, loss weights and optimizer. It shares every layer with \`model\`."""`,
    `${INDENT}outputs = [model.outputs[i] for i in ${pyLiteral(terms.map((x) => x.index), false)}]`,
    `${INDENT}trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")`,
    ...optimizerLines(t, "optimizer", INDENT),
    `${INDENT}trainable.compile(`,
    `${INDENT}${INDENT}optimizer=optimizer,`,
    `${INDENT}${INDENT}loss=[${terms.map((x) => x.loss).join(", ")}],`,
    `${INDENT}${INDENT}loss_weights=[${terms.map((x) => pyLiteral(x.weight)).join(", ")}],`,
    ...metricArg.map((m) => `${INDENT}${INDENT}${m},`),
    `${INDENT})`,
    `${INDENT}return trainable`,
  ];
  const inputs = net.inputs.map((i) => i.nodeId);
  const targets = terms.map((x) => x.output);
  const main = [
    `${INDENT}with strategy.scope():`,
    `${INDENT}${INDENT}model = ${buildFunctionNamePy(net.id)}()`,
    `${INDENT}${INDENT}trainable = training_model_${s}(model)`,
    `${INDENT}data = np.load(args.data)`,
    `${INDENT}inputs = tuple(data[name] for name in ${pyLiteral(inputs, false)})`,
    `${INDENT}targets = tuple(data[name] for name in ${pyLiteral(targets, false)})`,
    `${INDENT}dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)`,
    `${INDENT}trainable.fit(dataset, epochs=args.epochs)`,
    `${INDENT}model.save(args.save)`,
  ];
  return { lines, main, names: [`training_model_${s}`], warnings, dataHelp: `an .npz file with arrays named ${[...inputs, ...targets].join(", ")} (one row per example)` };
}

/** The script's training code for the document's recipe, or the warning saying why it has none. */
export function trainingPy(plan: ExportPlan): PyTraining {
  const t = plan.doc.training;
  if (!t) return { lines: [], main: [], names: [], warnings: [] };
  const net = (role: string) => plan.networks.find((n) => n.id === t.networks[role]);
  if ((ADVERSARIAL as readonly string[]).includes(t.recipe)) {
    const g = net("generator");
    const d = net("discriminator");
    return g && d ? adversarialPy(plan, t, g, d) : noTraining(`the ${t.recipe} recipe needs networks for the roles "generator" and "discriminator", so the script has no training`);
  }
  const one: Readonly<Record<string, (t: TrainingSpec, n: PlannedNetwork) => PyTraining>> = {
    supervised: supervisedPy, autoregressive: autoregressivePy, word2vec: word2vecPy, yolo: yoloPy, ssd: ssdPy,
  };
  const write = Object.hasOwn(one, t.recipe) ? one[t.recipe] : undefined;
  if (!write) return noTraining(`the training recipe "${t.recipe}" is not exported to Keras yet; the script builds the networks, and training stays in Layerloom`);
  const model = net("model");
  return model ? write(t, model) : noTraining(`training binds no network to the role "model", so the script has no training`);
}
