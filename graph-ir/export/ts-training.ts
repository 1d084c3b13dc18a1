/**
 * The training part of an exported TypeScript file: the document's recipe written out as plain
 * tfjs (loss functions, loss weights, optimizer, gradient clipping, weight decay), not a call
 * into Layerloom's runtime. tfjs's model.fit ignores loss weights, so the weighted loss is
 * spelled out, and every step is one tf.variableGrads over the network's trainable weights.
 *
 * Recipes written here: "supervised"; the adversarial family (gan, hinge, wgan-clip, wgan-gp,
 * conditional-gan, pix2pix) in ts-training-adversarial.ts (skeleton) and ts-training-games.ts;
 * "autoregressive" in ts-training-autoregressive.ts; "yolo" and "ssd" in ts-training-detection.ts (skeleton) with
 * ts-training-detection-yolo.ts and -ssd.ts; "word2vec" in ts-training-word2vec.ts. The loss functions follow Keras's
 * definitions, as the app's training does (predictions are probabilities, clipped away from 0 and 1).
 */
import type { TrainingSpec } from "../core/document.js";
import { commentText, tsLiteral } from "./literal.js";
import { pascalCase } from "./names.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { isAdversarial } from "./ts-training-adversarial.js";
import { autoregressiveCode } from "./ts-training-autoregressive.js";
import { adversarialCode } from "./ts-training-games.js";
import { printDetector } from "./ts-training-detection.js";
import { ssdDetector } from "./ts-training-detection-ssd.js";
import { yoloDetector } from "./ts-training-detection-yolo.js";
import { word2vecCode } from "./ts-training-word2vec.js";
import { HELPER_NAMES, helperLines, isExportableLoss, lossFunction, lossUsesEpsilon, optimizerExpression, optimizerText, propAccess, propKey, updateLines, type TrainingCode } from "./ts-training-common.js";

export { ganSchedule } from "./ts-training-adversarial.js";
export { isExportableLoss, optimizerExpression, type TrainingCode } from "./ts-training-common.js";

function supervised(plan: ExportPlan, t: TrainingSpec, net: PlannedNetwork): TrainingCode {
  const warnings: string[] = [];
  const P = pascalCase(net.id);
  const lower = P.charAt(0).toLowerCase() + P.slice(1);
  const names = {
    targets: `${P}Targets`, options: `${P}TrainOptions`, settings: `${lower}Training`, optimizer: `make${P}Optimizer`,
    loss: `${lower}Loss`, step: `${lower}TrainStep`, train: `train${P}`,
  };
  const terms: { output: string; index: number; loss: string; weight: number }[] = [];
  for (const l of t.losses) {
    const index = net.outputs.findIndex((o) => o.nodeId === l.output);
    if (index < 0) { warnings.push(`the ${l.loss} loss on '${l.output}' is left out of the exported training: '${l.output}' is not an output of network '${net.id}'`); continue; }
    if (!isExportableLoss(l.loss)) { warnings.push(`the loss '${l.loss}' on '${l.output}' has no TypeScript form; it is left out of the exported training`); continue; }
    terms.push({ output: l.output, index, loss: l.loss, weight: l.weight });
  }
  if (terms.length === 0) return { lines: [], names: [], warnings: [...warnings, `network '${net.id}' has no loss the export can write, so the file has no training function`] };
  const inputsText = net.inputs.map((i) => i.nodeId).join(", ");
  const weightsText = terms.map((x) => `${x.weight} × ${x.loss}(${x.output})`).join(" + ");
  const lossFns = [...new Set(terms.map((x) => x.loss))];
  const targets = [...new Set(terms.map((x) => x.output))];

  const lines: string[] = [
    `// Training as the document sets it up: recipe "supervised" on network "${net.id}", dataset "${commentText(t.dataset)}"`,
    `// (bring your own data as tensors), ${optimizerText(t.optimizer)}, batches of ${t.batchSize}, ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}${t.clipNorm !== undefined ? `,\n// gradients clipped to global norm ${t.clipNorm}` : ""}.`,
    `// tfjs's model.fit ignores loss weights, so the weighted loss is written out here.`,
    "",
    ...helperLines(t, lossFns.some(lossUsesEpsilon)),
    "",
    ...lossFns.flatMap((l) => [...lossFunction(l), ""]),
    `/** Targets for each output that has a loss, by output node; row i belongs to example i of the inputs. */`,
    `export interface ${names.targets} {`,
    ...targets.map((o) => `  readonly ${propKey(o)}: tf.Tensor;`),
    "}",
    "",
    `export const ${names.settings} = { epochs: ${t.epochs}, batchSize: ${t.batchSize} } as const;`,
    "",
    `export function ${names.optimizer}(): tf.Optimizer {`,
    `  return ${optimizerExpression(t.optimizer)};`,
    "}",
    "",
    `/** The weighted loss: ${weightsText}. */`,
    `export function ${names.loss}(model: tf.LayersModel, inputs: tf.Tensor[], targets: ${names.targets}, training = true): tf.Scalar {`,
    `  const outputs = outputsOf(model, inputs, training);`,
    `  return tf.addN([`,
    ...terms.map((x) => {
      const term = `${x.loss}(${propAccess("targets", x.output)}, outputs[${x.index}]!)`;
      return `    ${x.weight === 1 ? term : `tf.mul(${tsLiteral(x.weight)}, ${term})`},`;
    }),
    `  ]) as tf.Scalar;`,
    "}",
    "",
    `/** One update on one batch (inputs in the order ${inputsText}); returns the batch's loss. */`,
    `export function ${names.step}(model: tf.LayersModel, optimizer: tf.Optimizer, inputs: tf.Tensor[], targets: ${names.targets}): number {`,
    `  const variables = trainableVariables(model);`,
    `  const loss = tf.tidy(() => {`,
    ...updateLines(t, "variables", "optimizer", `${names.loss}(model, inputs, targets)`, "    "),
    `    return value;`,
    `  });`,
    `  const value = loss.dataSync()[0]!;`,
    `  loss.dispose();`,
    `  return value;`,
    "}",
    "",
    `export interface ${names.options} {`,
    `  readonly epochs?: number;`,
    `  readonly batchSize?: number;`,
    `  readonly optimizer?: tf.Optimizer;`,
    `  /** Called after each epoch with its mean loss. */`,
    `  readonly onEpochEnd?: (epoch: number, loss: number) => void;`,
    "}",
    "",
    `/**`,
    ` * Trains network "${net.id}" on whole tensors (one row per example; inputs in the order ${inputsText}),`,
    ` * in shuffled batches; returns the mean loss of each epoch.`,
    ` */`,
    `export async function ${names.train}(model: tf.LayersModel, inputs: tf.Tensor[], targets: ${names.targets}, options: ${names.options} = {}): Promise<number[]> {`,
    `  const epochs = options.epochs ?? ${names.settings}.epochs;`,
    `  const batchSize = options.batchSize ?? ${names.settings}.batchSize;`,
    `  const optimizer = options.optimizer ?? ${names.optimizer}();`,
    `  const count = inputs[0]!.shape[0]!;`,
    `  const history: number[] = [];`,
    `  for (let epoch = 0; epoch < epochs; epoch++) {`,
    `    const order = Array.from({ length: count }, (_, i) => i);`,
    `    tf.util.shuffle(order);`,
    `    let total = 0;`,
    `    let batches = 0;`,
    `    for (let start = 0; start < count; start += batchSize) {`,
    `      const rows = tf.tensor1d(order.slice(start, start + batchSize), "int32");`,
    `      const batchInputs = inputs.map((x) => tf.gather(x, rows));`,
    `      const batchTargets: ${names.targets} = {`,
    ...targets.map((o) => `        ${propKey(o)}: tf.gather(${propAccess("targets", o)}, rows),`),
    `      };`,
    `      total += ${names.step}(model, optimizer, batchInputs, batchTargets);`,
    `      batches++;`,
    `      tf.dispose([rows, ...batchInputs, ${targets.map((o) => propAccess("batchTargets", o)).join(", ")}]);`,
    `      await tf.nextFrame();`,
    `    }`,
    `    history.push(total / batches);`,
    `    options.onEpochEnd?.(epoch, total / batches);`,
    `  }`,
    `  return history;`,
    "}",
  ];
  void plan;
  return {
    lines,
    names: [...Object.values(names), ...lossFns, ...HELPER_NAMES],
    summary: `${names.train}()  trains "${net.id}" with the document's recipe "supervised" (${weightsText})`,
    warnings,
  };
}

/** Training code for the document's recipe, or warnings saying why there is none. */
export function trainingCode(plan: ExportPlan): TrainingCode {
  const t = plan.doc.training;
  if (!t) return { lines: [], names: [], warnings: [] };
  const net = (role: string) => {
    const id = t.networks[role];
    return id === undefined ? undefined : plan.networks.find((n) => n.id === id);
  };
  if (t.recipe === "supervised") {
    const model = net("model");
    if (!model) return { lines: [], names: [], warnings: [`training binds no network to the role "model", so the file has no training function`] };
    return supervised(plan, t, model);
  }
  if (t.recipe === "autoregressive") {
    const model = net("model");
    if (!model) return { lines: [], names: [], warnings: [`training binds no network to the role "model", so the file has no training function`] };
    return autoregressiveCode(t, model);
  }
  if (t.recipe === "yolo" || t.recipe === "ssd" || t.recipe === "word2vec") {
    const model = net("model");
    if (!model) return { lines: [], names: [], warnings: [`training binds no network to the role "model", so the file has no training function`] };
    if (t.recipe === "word2vec") return word2vecCode(t, model);
    return printDetector(t, model, t.recipe === "yolo" ? yoloDetector(t, model) : ssdDetector(t, model));
  }
  if (isAdversarial(t.recipe)) {
    const g = net("generator");
    const d = net("discriminator");
    if (!g || !d) return { lines: [], names: [], warnings: [`the ${t.recipe} recipe needs networks for the roles "generator" and "discriminator", so the file has no training function`] };
    return adversarialCode(plan, t, g, d);
  }
  return { lines: [], names: [], warnings: [`the training recipe "${t.recipe}" is not exported as TypeScript yet; the file builds the networks, and training stays in Layerloom`] };
}
