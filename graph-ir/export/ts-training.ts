/**
 * The training part of an exported TypeScript file: the document's recipe written out as plain
 * tfjs (loss functions, loss weights, optimizer, gradient clipping, weight decay), not a call
 * into Layerloom's runtime. tfjs's model.fit ignores loss weights, so the weighted loss is
 * spelled out, and every step is one tf.variableGrads over the network's trainable weights.
 *
 * Recipes written here: "supervised" and "gan". The loss functions follow Keras's definitions,
 * as the app's training does (predictions are probabilities, clipped away from 0 and 1).
 */
import type { OptimizerSpec, TrainingSpec } from "../core/document.js";
import { commentText, tsLiteral } from "./literal.js";
import { pascalCase, tsIdentifier } from "./names.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";

export interface TrainingCode {
  /** Lines to append to the file (empty when nothing could be written). */
  readonly lines: readonly string[];
  /** Module-level names the training code declares (local layer variables must avoid them). */
  readonly names: readonly string[];
  /** One line for the file header, naming the training function. */
  readonly summary?: string;
  readonly warnings: readonly string[];
}

const LOSS_CODE: Readonly<Record<string, { readonly doc: string; readonly body: readonly string[] }>> = {
  categoricalCrossentropy: {
    doc: "Mean cross-entropy between target class probabilities (one-hot rows) and predicted probabilities.",
    body: [
      "const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);",
      "return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));",
    ],
  },
  sparseCategoricalCrossentropy: {
    doc: "Mean cross-entropy between integer class ids and predicted probabilities.",
    body: [
      "const classes = yPred.shape[yPred.rank - 1]!;",
      "const oneHot = tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), \"int32\"), classes).reshape(yPred.shape);",
      "const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);",
      "return tf.mean(tf.neg(tf.sum(tf.mul(oneHot, tf.log(p)), -1)));",
    ],
  },
  binaryCrossentropy: {
    doc: "Mean binary cross-entropy between 0/1 targets and predicted probabilities.",
    body: [
      "const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);",
      "const y = tf.cast(yTrue, \"float32\");",
      "return tf.mean(tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));",
    ],
  },
  meanSquaredError: { doc: "Mean squared difference.", body: ["return tf.mean(tf.squaredDifference(yPred, yTrue));"] },
  meanAbsoluteError: { doc: "Mean absolute difference.", body: ["return tf.mean(tf.abs(tf.sub(yPred, yTrue)));"] },
  huber: {
    doc: "Huber loss with delta 1: squared for small errors, linear for large ones.",
    body: [
      "const err = tf.abs(tf.sub(yPred, yTrue));",
      "const quad = tf.minimum(err, 1);",
      "return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad)));",
    ],
  },
};

export function isExportableLoss(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOSS_CODE, name);
}

function lossFunction(name: string): string[] {
  const l = LOSS_CODE[name]!;
  return [
    `/** ${l.doc} */`,
    `function ${name}(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {`,
    ...l.body.map((b) => `  ${b}`),
    "}",
  ];
}

/** The optimizer as the app makes it (runtime/train/optimizers.ts), as a tfjs expression. */
export function optimizerExpression(o: OptimizerSpec): string {
  const lr = tsLiteral(o.learningRate);
  switch (o.kind) {
    case "sgd":
      return o.momentum ? `tf.train.momentum(${lr}, ${tsLiteral(o.momentum)})` : `tf.train.sgd(${lr})`;
    case "adam":
      return `tf.train.adam(${lr}, ${tsLiteral(o.beta1 ?? 0.9)}, ${tsLiteral(o.beta2 ?? 0.999)})`;
    case "rmsprop":
      return `tf.train.rmsprop(${lr}, 0.9, ${tsLiteral(o.momentum ?? 0)})`;
  }
}

function optimizerText(o: OptimizerSpec): string {
  const parts = [`${o.kind} at learning rate ${o.learningRate}`];
  if (o.kind === "sgd" && o.momentum) parts.push(`momentum ${o.momentum}`);
  if (o.kind === "rmsprop" && o.momentum) parts.push(`momentum ${o.momentum}`);
  if (o.kind === "adam" && (o.beta1 !== undefined || o.beta2 !== undefined)) parts.push(`beta1 ${o.beta1 ?? 0.9}, beta2 ${o.beta2 ?? 0.999}`);
  if (o.weightDecay) parts.push(`decoupled weight decay ${o.weightDecay}`);
  return parts.join(", ");
}

/** Gradient clipping and weight decay lines shared by every step function. */
function helperLines(t: TrainingSpec): string[] {
  const out = [
    "const EPSILON = 1e-7;",
    "",
    "/** A model's outputs as a list, whether it has one output or several. */",
    "function outputsOf(model: tf.LayersModel, inputs: tf.Tensor[], training: boolean): tf.Tensor[] {",
    "  const out = model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[];",
    "  return Array.isArray(out) ? out : [out];",
    "}",
    "",
    "/** The model's trainable weights as the variables tf.variableGrads differentiates. */",
    "function trainableVariables(model: tf.LayersModel): tf.Variable[] {",
    "  return model.trainableWeights.map((w) => w.read() as tf.Variable);",
    "}",
  ];
  if (t.clipNorm !== undefined) {
    out.push(
      "",
      "/** Scales all gradients together so that their global norm is at most maxNorm. */",
      "function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {",
      "  const names = Object.keys(grads);",
      "  const norm = tf.sqrt(tf.addN(names.map((k) => tf.sum(tf.square(grads[k]!)))));",
      "  const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));",
      "  const clipped: tf.NamedTensorMap = {};",
      "  for (const k of names) clipped[k] = tf.mul(grads[k]!, scale);",
      "  return clipped;",
      "}",
    );
  }
  if (t.optimizer.weightDecay) {
    out.push(
      "",
      "/** Decoupled weight decay (AdamW, SGDW): after each update, every kernel shrinks by lr·decay; biases and scales do not. */",
      "function decayKernels(variables: tf.Variable[], factor: number): void {",
      "  for (const v of variables) if (v.rank >= 2) v.assign(tf.mul(v, factor));",
      "}",
    );
  }
  return out;
}

/** The body of one update: gradients of `lossExpr` for `vars`, clipped, applied, decayed. */
function updateLines(t: TrainingSpec, vars: string, optimizer: string, lossExpr: string, indent: string): string[] {
  const grads = t.clipNorm !== undefined ? `clipByGlobalNorm(grads, ${tsLiteral(t.clipNorm)})` : "grads";
  const lines = [
    `const { value, grads } = tf.variableGrads(() => ${lossExpr}, ${vars});`,
    `${optimizer}.applyGradients(${grads});`,
  ];
  if (t.optimizer.weightDecay) lines.push(`decayKernels(${vars}, ${tsLiteral(1 - t.optimizer.learningRate * t.optimizer.weightDecay)});`);
  return lines.map((l) => indent + l);
}

const propAccess = (obj: string, key: string): string => (tsIdentifier(key) === key ? `${obj}.${key}` : `${obj}[${JSON.stringify(key)}]`);
const propKey = (key: string): string => (tsIdentifier(key) === key ? key : JSON.stringify(key));

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
    ...helperLines(t),
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
    names: [...Object.values(names), ...lossFns, "EPSILON", "outputsOf", "trainableVariables", "clipByGlobalNorm", "decayKernels"],
    summary: `${names.train}()  trains "${net.id}" with the document's recipe "supervised" (${weightsText})`,
    warnings,
  };
}

/**
 * The gan recipe's update schedule (runtime/recipes/adversarial.ts), from training.options:
 * alternate (default true) and dSteps (default 1). Shared with the Keras export.
 */
export function ganSchedule(t: TrainingSpec): { alternate: boolean; dSteps: number; text: string } {
  const a = t.options?.["alternate"];
  const k = t.options?.["dSteps"];
  const alternate = typeof a === "boolean" ? a : true;
  const dSteps = typeof k === "number" && Number.isInteger(k) && k >= 1 ? k : 1;
  const text = alternate
    ? dSteps === 1
      ? "The two networks update on alternate batches: D on steps 0, 2, 4, ..., G on steps 1, 3, 5, ..."
      : `Each batch updates one network: ${dSteps} batches update D, then one batch updates G.`
    : dSteps === 1
      ? "Every batch updates D, then G."
      : `Every batch updates D; every ${dSteps}th batch then also updates G.`;
  return { alternate, dSteps, text };
}

function gan(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): TrainingCode {
  const warnings: string[] = [];
  const latent = g.inputs.map((i) => {
    const node = plan.analysis.nodes.get(i.nodeId);
    return { id: i.nodeId, kind: node?.kind, shape: i.shape, distribution: node?.params["distribution"] };
  });
  const notLatent = latent.filter((l) => l.kind !== "LatentInput");
  if (notLatent.length) {
    return { lines: [], names: [], warnings: [`the GAN generator '${g.id}' has inputs that are not latent noise (${notLatent.map((l) => l.id).join(", ")}); the export writes GAN training only for noise-driven generators`] };
  }
  if (d.inputs.length !== 1 || d.outputs.length < 1) {
    return { lines: [], names: [], warnings: [`the GAN discriminator '${d.id}' must have one input and an output for the export to write its training`] };
  }
  const dOut = d.outputs[0]!;
  const dLoss = t.losses.find((l) => l.output === dOut.nodeId)?.loss ?? "binaryCrossentropy";
  if (!isExportableLoss(dLoss)) return { lines: [], names: [], warnings: [`the loss '${dLoss}' has no TypeScript form, so the file has no GAN training function`] };
  const noise = latent.map((l) => {
    const dims = l.shape.slice(1).map((x) => (typeof x === "number" ? x : 1));
    return l.distribution === "uniform"
      ? `tf.randomUniform([batchSize, ${dims.join(", ")}], -1, 1)`
      : `tf.randomNormal([batchSize, ${dims.join(", ")}])`;
  });
  const schedule = ganSchedule(t);
  const update = (vars: string, optimizer: string, loss: "d" | "g", other: "d" | "g") =>
    updateLines(t, vars, optimizer, `{ const l = ganLosses(generator, discriminator, real); other = tf.keep(l.${other}); return l.${loss}; }`, "      ");
  const lines: string[] = [
    `// Training as the document sets it up: recipe "gan" (Goodfellow et al. 2014) with generator "${g.id}" and`,
    `// discriminator "${d.id}", dataset "${commentText(t.dataset)}" (bring your own real samples as a tensor),`,
    `// ${optimizerText(t.optimizer)} for each network, batches of ${t.batchSize}, ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}${t.clipNorm !== undefined ? `, gradients clipped to global norm ${t.clipNorm}` : ""}.`,
    `// The discriminator's loss labels real samples 1 and generated ones 0; the generator's is the non-saturating`,
    `// loss (generated samples labelled 1); both use ${dLoss}. ${schedule.text}`,
    "",
    ...helperLines(t),
    "",
    ...lossFunction(dLoss),
    "",
    `export const ganTraining = { epochs: ${t.epochs}, batchSize: ${t.batchSize}, alternate: ${schedule.alternate}, dSteps: ${schedule.dSteps} } as const;`,
    "",
    `export function makeGanOptimizer(): tf.Optimizer {`,
    `  return ${optimizerExpression(t.optimizer)};`,
    "}",
    "",
    `/** Noise for the generator's inputs (${latent.map((l) => `${l.id}: ${l.distribution === "uniform" ? "uniform in [-1, 1]" : "standard normal"}`).join("; ")}). */`,
    `export function sampleNoise(batchSize: number): tf.Tensor[] {`,
    `  return [${noise.join(", ")}];`,
    "}",
    "",
    `/** Which networks step number \`step\` (counted over the whole run from 0) updates. */`,
    `export function ganPhase(step: number): { discriminator: boolean; generator: boolean } {`,
    ...(schedule.alternate
      ? [`  const discriminator = step % ${schedule.dSteps + 1} < ${schedule.dSteps};`, `  return { discriminator, generator: !discriminator };`]
      : [`  return { discriminator: true, generator: step % ${schedule.dSteps} === ${schedule.dSteps - 1} };`]),
    "}",
    "",
    `/** Both losses from one forward pass: fresh noise, D on real and on generated samples. */`,
    `export function ganLosses(generator: tf.LayersModel, discriminator: tf.LayersModel, real: tf.Tensor): { d: tf.Scalar; g: tf.Scalar } {`,
    `  const fake = outputsOf(generator, sampleNoise(real.shape[0]!), true)[0]!;`,
    `  const realOut = outputsOf(discriminator, [real], true)[0]!;`,
    `  const fakeOut = outputsOf(discriminator, [fake], true)[0]!;`,
    `  const d = tf.add(${dLoss}(tf.onesLike(realOut), realOut), ${dLoss}(tf.zerosLike(fakeOut), fakeOut)) as tf.Scalar;`,
    `  return { d, g: ${dLoss}(tf.onesLike(fakeOut), fakeOut) };`,
    "}",
    "",
    `/**`,
    ` * Step number \`step\` on a batch of real samples: updates the networks ganPhase names and returns both`,
    ` * losses (each from its network's update when it had one, else from the same forward pass as the other's).`,
    ` */`,
    `export function ganTrainStep(generator: tf.LayersModel, discriminator: tf.LayersModel, optimizers: { generator: tf.Optimizer; discriminator: tf.Optimizer }, real: tf.Tensor, step: number): { discriminator: number; generator: number } {`,
    `  const phase = ganPhase(step);`,
    `  const dVariables = trainableVariables(discriminator);`,
    `  const gVariables = trainableVariables(generator);`,
    `  const kept: tf.Tensor[] = [];`,
    `  const losses = tf.tidy(() => {`,
    `    let dValue: tf.Scalar | undefined;`,
    `    let gValue: tf.Scalar | undefined;`,
    `    // Set inside the gradient scope: the loss of the network that is not being updated.`,
    `    let other = undefined as tf.Scalar | undefined;`,
    `    if (phase.discriminator) {`,
    ...update("dVariables", "optimizers.discriminator", "d", "g"),
    `      kept.push(other!);`,
    `      dValue = value;`,
    `      gValue = other;`,
    `    }`,
    `    if (phase.generator) {`,
    ...update("gVariables", "optimizers.generator", "g", "d"),
    `      kept.push(other!);`,
    `      gValue = value;`,
    `      dValue ??= other;`,
    `    }`,
    `    return tf.stack([dValue!, gValue!]);`,
    `  });`,
    `  tf.dispose(kept);`,
    `  const [d, g] = Array.from(losses.dataSync());`,
    `  losses.dispose();`,
    `  return { discriminator: d!, generator: g! };`,
    "}",
    "",
    `export interface GanTrainOptions {`,
    `  readonly epochs?: number;`,
    `  readonly batchSize?: number;`,
    `  /** Called after each epoch with the mean losses of its steps. */`,
    `  readonly onEpochEnd?: (epoch: number, losses: { discriminator: number; generator: number }) => void;`,
    "}",
    "",
    `/** Trains the GAN on real samples (one row each), in shuffled batches; returns the mean losses per epoch. */`,
    `export async function trainGan(generator: tf.LayersModel, discriminator: tf.LayersModel, real: tf.Tensor, options: GanTrainOptions = {}): Promise<{ discriminator: number; generator: number }[]> {`,
    `  const epochs = options.epochs ?? ganTraining.epochs;`,
    `  const batchSize = options.batchSize ?? ganTraining.batchSize;`,
    `  const optimizers = { generator: makeGanOptimizer(), discriminator: makeGanOptimizer() };`,
    `  const count = real.shape[0]!;`,
    `  const history: { discriminator: number; generator: number }[] = [];`,
    `  let step = 0;`,
    `  for (let epoch = 0; epoch < epochs; epoch++) {`,
    `    const order = Array.from({ length: count }, (_, i) => i);`,
    `    tf.util.shuffle(order);`,
    `    let dTotal = 0;`,
    `    let gTotal = 0;`,
    `    let batches = 0;`,
    `    for (let start = 0; start < count; start += batchSize) {`,
    `      const rows = tf.tensor1d(order.slice(start, start + batchSize), "int32");`,
    `      const batch = tf.gather(real, rows);`,
    `      const losses = ganTrainStep(generator, discriminator, optimizers, batch, step++);`,
    `      dTotal += losses.discriminator;`,
    `      gTotal += losses.generator;`,
    `      batches++;`,
    `      tf.dispose([rows, batch]);`,
    `      await tf.nextFrame();`,
    `    }`,
    `    const mean = { discriminator: dTotal / batches, generator: gTotal / batches };`,
    `    history.push(mean);`,
    `    options.onEpochEnd?.(epoch, mean);`,
    `  }`,
    `  return history;`,
    "}",
  ];
  return {
    lines,
    names: ["ganTraining", "makeGanOptimizer", "sampleNoise", "ganPhase", "ganLosses", "ganTrainStep", "GanTrainOptions", "trainGan", dLoss, "EPSILON", "outputsOf", "trainableVariables", "clipByGlobalNorm", "decayKernels"],
    summary: `trainGan()  trains "${g.id}" against "${d.id}" with the document's recipe "gan"`,
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
  if (t.recipe === "gan") {
    const g = net("generator");
    const d = net("discriminator");
    if (!g || !d) return { lines: [], names: [], warnings: [`the GAN recipe needs networks for the roles "generator" and "discriminator", so the file has no training function`] };
    return gan(plan, t, g, d);
  }
  return { lines: [], names: [], warnings: [`the training recipe "${t.recipe}" is not exported as TypeScript yet; the file builds the networks, and training stays in Layerloom`] };
}
