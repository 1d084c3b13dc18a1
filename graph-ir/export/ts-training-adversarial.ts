/**
 * Exported TypeScript training for the adversarial recipes (runtime/recipes/adversarial.ts,
 * gan.ts, wgan.ts, conditional.ts, pix2pix.ts), as plain tfjs. Every recipe prints the same
 * skeleton: ganPhase (the D/G schedule), ganLosses (one forward pass giving every column),
 * ganTrainStep (D-side columns from D's update, G-side ones from G's) and trainGan; a recipe
 * supplies its losses, its data tensors and its extra columns (w_distance, gp, l1).
 */
import type { TrainingSpec } from "../core/document.js";
import { commentText, tsLiteral } from "./literal.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { HELPER_NAMES, helperLines, optimizerExpression, optimizerText, updateLines, type TrainingCode } from "./ts-training-common.js";

export const ADVERSARIAL_RECIPES = ["gan", "hinge", "wgan-clip", "wgan-gp", "conditional-gan", "pix2pix"] as const;

export const isAdversarial = (recipe: string): boolean => (ADVERSARIAL_RECIPES as readonly string[]).includes(recipe);

/**
 * The update schedule (runtime/recipes/adversarial.ts), from training.options: alternate and
 * dSteps, each defaulting to the recipe's own (gan: alternate batches). Shared with the Keras export.
 */
export function ganSchedule(t: TrainingSpec, defaults = { alternate: true, dSteps: 1 }): { alternate: boolean; dSteps: number; text: string } {
  const a = t.options?.["alternate"];
  const k = t.options?.["dSteps"];
  const alternate = typeof a === "boolean" ? a : defaults.alternate;
  const dSteps = typeof k === "number" && Number.isInteger(k) && k >= 1 ? k : defaults.dSteps;
  const text = alternate
    ? dSteps === 1
      ? "The two networks update on alternate batches: D on steps 0, 2, 4, ..., G on steps 1, 3, 5, ..."
      : `Each batch updates one network: ${dSteps} batches update D, then one batch updates G.`
    : dSteps === 1
      ? "Every batch updates D, then G."
      : `Every batch updates D; every ${dSteps}th batch then also updates G.`;
  return { alternate, dSteps, text };
}

/** One adversarial recipe, as the pieces the shared skeleton prints. */
export interface Game {
  /** Comment lines under the file's training header: the paper and the losses. */
  readonly about: readonly string[];
  /** The tensors trainGan takes (one row per example), in order, with what each holds. */
  readonly data: readonly { readonly name: string; readonly doc: string }[];
  /** Module-level lines before ganLosses (noise, labels, loss functions, penalty). */
  readonly helpers: readonly string[];
  readonly helperNames: readonly string[];
  /** Body of ganLosses(generator, discriminator, batch, training): returns { d, g, ...extra }. */
  readonly losses: readonly string[];
  /** Columns after d_loss and g_loss, and which network's update reports each. */
  readonly extra: readonly { readonly name: string; readonly side: "d" | "g" }[];
  /** Settings beyond epochs, batchSize and the schedule (clip, gpWeight, l1Weight). */
  readonly settings?: Readonly<Record<string, number>>;
  /** Lines run after every D update, with dVariables in scope (WGAN's weight clipping). */
  readonly afterD?: readonly string[];
  readonly defaults: { readonly alternate: boolean; readonly dSteps: number };
}

export type GameOrWarning = Game | { readonly warning: string };

/** A recipe's numeric option, or its default (the runtime refuses values outside its rule). */
export function option(t: TrainingSpec, key: string, fallback: number): number {
  const v = t.options?.[key];
  return typeof v === "number" ? v : fallback;
}

/** Noise for each generator input that is a Latent noise node, as tfjs expressions of batchSize. */
export function noiseExpressions(plan: ExportPlan, g: PlannedNetwork): { ids: string[]; exprs: string[]; text: string } {
  const ports = g.inputs.filter((i) => plan.analysis.nodes.get(i.nodeId)?.kind === "LatentInput");
  const info = ports.map((p) => {
    const dims = p.shape.slice(1).map((x) => (typeof x === "number" ? x : 1));
    const uniform = plan.analysis.nodes.get(p.nodeId)?.params["distribution"] === "uniform";
    return { id: p.nodeId, uniform, expr: uniform ? `tf.randomUniform([batchSize, ${dims.join(", ")}], -1, 1)` : `tf.randomNormal([batchSize, ${dims.join(", ")}])` };
  });
  return { ids: info.map((i) => i.id), exprs: info.map((i) => i.expr), text: info.map((i) => `${i.id}: ${i.uniform ? "uniform in [-1, 1]" : "standard normal"}`).join("; ") };
}

/** The skeleton every adversarial recipe shares, filled with one recipe's game. */
export function printGame(t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork, game: Game): TrainingCode {
  const schedule = ganSchedule(t, game.defaults);
  const rate = (key: string) => { const v = t.options?.[key]; return typeof v === "number" && v > 0 ? v : t.optimizer.learningRate; };
  const dRate = rate("dLearningRate");
  const gRate = rate("gLearningRate");
  const columns = ["d", "g", ...game.extra.map((e) => e.name)];
  const sideOf = (c: string) => (c === "d" ? "d" : c === "g" ? "g" : game.extra.find((e) => e.name === c)!.side);
  const report = (c: string) => (c === "d" ? "discriminator" : c === "g" ? "generator" : c);
  const update = (side: "d" | "g") => {
    const [vars, optimizer, from, loss, lr] = side === "d" ? ["dVariables", "optimizers.discriminator", "fromD", "d", dRate] as const : ["gVariables", "optimizers.generator", "fromG", "g", gRate] as const;
    // The columns come from fromD / fromG, so the update's own value is not read.
    return updateLines(t, vars, optimizer, `{ ${from} = keepAll(ganLosses(generator, discriminator, batch)); return ${from}.${loss}; }`, "    ", lr)
      .map((l) => l.replace("const { value, grads }", "const { grads }"));
  };
  const settings = { epochs: t.epochs, batchSize: t.batchSize, alternate: schedule.alternate, dSteps: schedule.dSteps, ...game.settings };
  const usesEpsilon = game.helpers.some((l) => l.includes("EPSILON"));
  const dataArgs = game.data.map((x) => `${x.name}: tf.Tensor`).join(", ");
  const lines: string[] = [
    `// Training as the document sets it up: generator "${g.id}" against discriminator "${d.id}", dataset "${commentText(t.dataset)}"`,
    `// (bring your own ${game.data.map((x) => x.doc).join(" and ")} as tensors), ${optimizerText(t.optimizer)} for each network${dRate !== gRate ? ` (learning rate ${dRate} for D, ${gRate} for G)` : ""},`,
    `// batches of ${t.batchSize}, ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}${t.clipNorm !== undefined ? `, gradients clipped to global norm ${t.clipNorm}` : ""}. ${schedule.text}`,
    ...game.about.map((a) => `// ${a}`),
    "",
    ...helperLines(t, usesEpsilon),
    "",
    ...game.helpers,
    "",
    `export const ganTraining = ${tsLiteral(settings)} as const;`,
    "",
    `export function makeGanOptimizers(): { generator: tf.Optimizer; discriminator: tf.Optimizer } {`,
    `  return { generator: ${optimizerExpression({ ...t.optimizer, learningRate: gRate })}, discriminator: ${optimizerExpression({ ...t.optimizer, learningRate: dRate })} };`,
    "}",
    "",
    `/** Which networks step number \`step\` (counted over the whole run from 0) updates. */`,
    ...(schedule.alternate
      ? [`export function ganPhase(step: number): { discriminator: boolean; generator: boolean } {`, `  const discriminator = step % ${schedule.dSteps + 1} < ${schedule.dSteps};`, `  return { discriminator, generator: !discriminator };`]
      : schedule.dSteps === 1
        ? [`export function ganPhase(_step: number): { discriminator: boolean; generator: boolean } {`, `  return { discriminator: true, generator: true };`]
        : [`export function ganPhase(step: number): { discriminator: boolean; generator: boolean } {`, `  return { discriminator: true, generator: step % ${schedule.dSteps} === ${schedule.dSteps - 1} };`]),
    "}",
    "",
    `/** One batch: ${game.data.map((x) => `${x.name} (${x.doc})`).join(", ")}, row i of each belonging to example i. */`,
    `export interface GanBatch {`,
    ...game.data.map((x) => `  readonly ${x.name}: tf.Tensor;`),
    "}",
    "",
    `/** Every loss column of one forward pass: d (D's loss), g (G's loss)${game.extra.length ? `, ${game.extra.map((e) => e.name).join(", ")}` : ""}. */`,
    `export interface GanLossTensors {`,
    ...columns.map((c) => `  readonly ${c}: tf.Scalar;`),
    "}",
    "",
    `export interface GanStepLosses {`,
    ...columns.map((c) => `  readonly ${report(c)}: number;`),
    "}",
    "",
    `/** One forward pass of the game (with fresh noise where G takes noise): every loss column. */`,
    `export function ganLosses(generator: tf.LayersModel, discriminator: tf.LayersModel, batch: GanBatch, training = true): GanLossTensors {`,
    ...game.losses.map((l) => `  ${l}`),
    "}",
    "",
    `function keepAll(losses: GanLossTensors): GanLossTensors {`,
    `  for (const v of Object.values(losses)) tf.keep(v);`,
    `  return losses;`,
    "}",
    "",
    `/**`,
    ` * Step number \`step\` on one batch: updates the networks ganPhase names. D-side columns come from D's update`,
    ` * and G-side ones from G's; a column whose network did not update comes from the other update's forward pass.`,
    ` */`,
    `export function ganTrainStep(generator: tf.LayersModel, discriminator: tf.LayersModel, optimizers: { generator: tf.Optimizer; discriminator: tf.Optimizer }, batch: GanBatch, step: number): GanStepLosses {`,
    `  const phase = ganPhase(step);`,
    `  const dVariables = trainableVariables(discriminator);`,
    `  const gVariables = trainableVariables(generator);`,
    `  // Set inside the gradient scopes (and kept past them): the columns of each update's forward pass.`,
    `  let fromD = undefined as GanLossTensors | undefined;`,
    `  let fromG = undefined as GanLossTensors | undefined;`,
    `  tf.tidy(() => {`,
    `    if (phase.discriminator) {`,
    ...update("d").map((l) => `  ${l}`),
    ...(game.afterD ?? []).map((l) => `      ${l}`),
    `    }`,
    `    if (phase.generator) {`,
    ...update("g").map((l) => `  ${l}`),
    `    }`,
    `  });`,
    `  const dSide = (fromD ?? fromG)!;`,
    `  const gSide = (fromG ?? fromD)!;`,
    `  const losses: GanStepLosses = {`,
    ...columns.map((c) => `    ${report(c)}: ${sideOf(c)}Side.${c}.dataSync()[0]!,`),
    `  };`,
    `  tf.dispose([...Object.values(dSide), ...Object.values(gSide)]);`,
    `  return losses;`,
    "}",
    "",
    `export interface GanTrainOptions {`,
    `  readonly epochs?: number;`,
    `  readonly batchSize?: number;`,
    `  /** Called after each epoch with the mean losses of its steps. */`,
    `  readonly onEpochEnd?: (epoch: number, losses: GanStepLosses) => void;`,
    "}",
    "",
    `/** Trains the GAN on ${game.data.map((x) => x.doc).join(" and ")} (one row each), in shuffled batches; returns the mean losses per epoch. */`,
    `export async function trainGan(generator: tf.LayersModel, discriminator: tf.LayersModel, ${dataArgs}, options: GanTrainOptions = {}): Promise<GanStepLosses[]> {`,
    `  const epochs = options.epochs ?? ganTraining.epochs;`,
    `  const batchSize = options.batchSize ?? ganTraining.batchSize;`,
    `  const optimizers = makeGanOptimizers();`,
    `  const count = ${game.data[0]!.name}.shape[0]!;`,
    `  const history: GanStepLosses[] = [];`,
    `  let step = 0;`,
    `  for (let epoch = 0; epoch < epochs; epoch++) {`,
    `    const order = Array.from({ length: count }, (_, i) => i);`,
    `    tf.util.shuffle(order);`,
    `    const totals: Record<string, number> = {};`,
    `    let batches = 0;`,
    `    for (let start = 0; start < count; start += batchSize) {`,
    `      const rows = tf.tensor1d(order.slice(start, start + batchSize), "int32");`,
    `      const batch: GanBatch = { ${game.data.map((x) => `${x.name}: tf.gather(${x.name}, rows)`).join(", ")} };`,
    `      const losses = ganTrainStep(generator, discriminator, optimizers, batch, step++);`,
    `      for (const [k, v] of Object.entries(losses)) totals[k] = (totals[k] ?? 0) + v;`,
    `      batches++;`,
    `      tf.dispose([rows, ...Object.values(batch)]);`,
    `      await tf.nextFrame();`,
    `    }`,
    `    const mean = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / batches])) as unknown as GanStepLosses;`,
    `    history.push(mean);`,
    `    options.onEpochEnd?.(epoch, mean);`,
    `  }`,
    `  return history;`,
    "}",
  ];
  return {
    lines,
    names: ["ganTraining", "makeGanOptimizers", "ganPhase", "GanBatch", "GanLossTensors", "GanStepLosses", "ganLosses", "keepAll", "ganTrainStep", "GanTrainOptions", "trainGan", ...game.helperNames, ...HELPER_NAMES],
    summary: `trainGan()  trains "${g.id}" against "${d.id}" with the document's recipe "${t.recipe}"`,
    warnings: [],
  };
}
