/**
 * The Keras export's training maths against the runtime's. Each exported script is imported on
 * a numpy stand-in for TensorFlow (python/numpy_tf.py, through python/run_training.py), and its
 * target and loss functions run on the same seeded inputs as runtime/detection,
 * runtime/recipes and runtime/train: YOLO targets and loss, SSD default boxes, matching and
 * multibox loss with hard negatives, the PixelCNN likelihoods, the GAN schedules and losses, the
 * gradient penalty's arithmetic and word2vec's negative-sampling loss. Everything that needs
 * TensorFlow itself (GradientTape, tf.distribute, random draws) is left to the syntax check of
 * keras.test.ts. Skips, saying why, without python3 or numpy.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { exportKeras } from "../../../graph-ir/export/keras.js";
import { Rng } from "../../../runtime/data/rng.js";
import { fromCenter } from "../../../runtime/detection/boxes.js";
import { defaultBoxes, ssdConfig, ssdTargets } from "../../../runtime/detection/ssd.js";
import { ssdLoss } from "../../../runtime/detection/ssd-loss.js";
import { yoloConfig, yoloLoss, yoloTargets } from "../../../runtime/detection/yolo.js";
import { phaseOf } from "../../../runtime/recipes/adversarial.js";
import { nllPerDim, quantize, shrink, type PixelModel } from "../../../runtime/recipes/autoregressive.js";
import { gradientPenalty } from "../../../runtime/recipes/wgan.js";
import { windowWords, wordVocabulary } from "../../../runtime/recipes/word2vec-vocab.js";
import { textDataset } from "../../../runtime/data/synthetic/text.js";
import { LOSSES } from "../../../runtime/train/losses.js";
import * as tf from "../../../runtime/tf.js";
import { cbowDoc, pixelDoc, plantedCorpus } from "../sample/docs.js";
import { exportCases } from "./documents.js";
import { workspace } from "./workspace.js";

const PYTHON_DIR = new URL("./python/", import.meta.url).pathname;
const ws = workspace("keras-training");
afterAll(() => ws.remove());
beforeAll(async () => {
  await tf.setBackend("cpu");
});

const missing = (() => {
  const r = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (r.error) return `no python3 here (${r.error.message})`;
  return r.status === 0 ? undefined : "python3 has no numpy";
})();

const templates = new Map(exportCases().map((c) => [c.name, c.doc]));
const template = (name: string): GraphDocument => templates.get(name)!;
const withTraining = (doc: GraphDocument, t: Partial<TrainingSpec>): GraphDocument => ({ ...doc, training: { ...doc.training!, ...t } });

type Arg = number | string | null | { array: unknown; dtype?: string } | { model: Arg[] } | { keras_loss: string } | Arg[];
const arr = (t: tf.Tensor | number[] | Float32Array | Int32Array, shape?: number[], dtype = "float64"): Arg => {
  const tensor = t instanceof tf.Tensor ? t : tf.tensor(Array.from(t), shape);
  return { array: tensor.arraySync(), dtype };
};

let calls = 0;
/** Exports the document and runs the named functions of its script on the numpy stand-in. */
function runPython(doc: GraphDocument, list: { function: string; args: Arg[] }[]): unknown[] {
  const r = exportKeras(doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  expect(r.warnings).toEqual([]);
  const n = calls++;
  const script = ws.write(`script_${n}.py`, r.text);
  const cases = ws.write(`calls_${n}.json`, JSON.stringify({ script, calls: list }));
  const p = spawnSync("python3", [join(PYTHON_DIR, "run_training.py"), cases], { encoding: "utf8", cwd: PYTHON_DIR, env: { ...process.env, PYTHONPATH: PYTHON_DIR, PYTHONDONTWRITEBYTECODE: "1" } });
  expect(p.stderr).toBe("");
  return JSON.parse(p.stdout) as unknown[];
}

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);
function expectClose(got: unknown, want: tf.Tensor | number | ArrayLike<number>, what: string, tol = 1e-4): void {
  const w = typeof want === "number" ? [want] : want instanceof tf.Tensor ? Array.from(want.dataSync()) : Array.from(want);
  const g = flat(got);
  expect(g.length, `${what}: size`).toBe(w.length);
  let worst = 0;
  for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(g[i]! - w[i]!) / Math.max(1, Math.abs(w[i]!)));
  expect(worst, what).toBeLessThan(tol);
}
const scalar = (t: tf.Tensor): number => t.dataSync()[0]!;

/** n images of M boxes (corners in [0, 1], size 0.1 to 0.6), some rows empty (class -1); image 0 has two objects in one cell. */
function boxes(rng: Rng, n: number, m: number, classes: number): { boxes: Float32Array; classes: Int32Array } {
  const b = new Float32Array(n * m * 4);
  const c = new Int32Array(n * m);
  for (let k = 0; k < n * m; k++) {
    const w = rng.uniform(0.1, 0.6), h = rng.uniform(0.1, 0.6);
    const x0 = rng.uniform(0, 1 - w), y0 = rng.uniform(0, 1 - h);
    b.set([x0, y0, x0 + w, y0 + h], k * 4);
    c[k] = rng.chance(0.25) ? -1 : rng.int(classes);
  }
  b.set([0.3, 0.3, 0.5, 0.5, 0.32, 0.31, 0.48, 0.52], 0);
  c.set([1, 2], 0);
  return { boxes: b, classes: c };
}
const uniform = (rng: Rng, shape: number[], lo: number, hi: number): tf.Tensor => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(lo, hi)), shape);

if (missing) console.log(`Keras export training maths skipped: ${missing}`);

describe.skipIf(missing !== undefined)("Keras export's training maths", () => {
  it.each([
    ["the yolo-v1 template", {}],
    ["plain widths, other lambdas and loss weight 2", { options: { ...template("template-yolo-v1-mini").training!.options, sqrtWidthHeight: false, lambdaCoord: 3, lambdaNoobj: 0.25 }, losses: [{ output: "grid", loss: "yoloV1", weight: 2 }] }],
  ] as const)("YOLO: targets and the loss's four parts equal the runtime's (%s)", (_name, change) => {
    const doc = withTraining(template("template-yolo-v1-mini"), change as Partial<TrainingSpec>);
    const c = yoloConfig(doc.training!.options ?? {});
    const rng = new Rng(11);
    const n = 3, m = 4, S = c.gridSize;
    const truth = boxes(rng, n, m, c.classes);
    const t = yoloTargets(truth.boxes, truth.classes, n, m, c);
    const pred = uniform(rng, [n, S, S, 5 * c.boxesPerCell + c.classes], -0.2, 1.1);
    const want = yoloLoss(pred, t, c);
    const weight = doc.training!.losses[0]!.weight;
    const targets = [arr(t.obj, [n, S, S]), arr(t.coords, [n, S, S, 4]), arr(t.corners, [n, S, S, 4]), arr(t.classes, [n, S, S, c.classes])];
    const [gotTargets, got] = runPython(doc, [
      { function: "yolo_targets", args: [arr(truth.boxes, [n, m, 4]), arr(truth.classes, [n, m])] },
      { function: "yolo_step_losses", args: [{ model: [arr(pred)] }, [arr(tf.zeros([n, 1])), ...targets]] },
    ]) as [unknown[], Record<string, number>];
    ["obj", "coords", "corners", "classes"].forEach((name, i) => expectClose(gotTargets[i], t[name as "obj"], `target ${name}`));
    expect(t.obj.filter((x) => x === 1).length).toBeGreaterThan(3);
    expectClose(got["loss"], scalar(want.loss) * weight, "loss");
    expectClose(got["coordinate_loss"], want.coord, "coordinate_loss");
    expectClose(got["object_loss"], want.object, "object_loss");
    expectClose(got["no_object_loss"], want.noObject, "no_object_loss");
    expectClose(got["class_loss"], want.cls, "class_loss");
    expect(scalar(want.object)).toBeGreaterThan(0);
  }, 20_000);

  it.each([
    ["the ssd template", {}],
    ["background in column 1, given scales, 1.5 negatives per positive, weights 1 and 2", {
      options: { ...template("template-ssd-mini").training!.options, backgroundClass: 1, scales: "0.15,0.35,0.55,0.75", negativesPerPositive: 1.5, iouThreshold: 0.4 },
      losses: [{ output: "classes", loss: "ssdConfidence", weight: 1 }, { output: "boxes", loss: "ssdLocalization", weight: 2 }],
    }],
  ] as const)("SSD: default boxes, matching and the multibox loss with hard negatives equal the runtime's (%s)", (_name, change) => {
    const doc = withTraining(template("template-ssd-mini"), change as Partial<TrainingSpec>);
    const c = ssdConfig(doc.training!.options ?? {});
    const anchors = defaultBoxes(c);
    const A = anchors.length, K = c.classes + 1;
    const rng = new Rng(12);
    const n = 3, m = 4;
    const truth = boxes(rng, n, m, c.classes);
    const t = ssdTargets(truth.boxes, truth.classes, n, m, anchors, anchors.map(fromCenter), c);
    const probs = tf.softmax(uniform(rng, [n, A, K], -3, 3));
    const offsets = uniform(rng, [n, A, 4], -2, 2);
    const want = ssdLoss(probs, offsets, t, c);
    const [wConf, wLoc] = doc.training!.losses.map((l) => l.weight) as [number, number];
    const [gotAnchors, gotTargets, got] = runPython(doc, [
      { function: "default_boxes", args: [] },
      { function: "ssd_targets", args: [arr(truth.boxes, [n, m, 4]), arr(truth.classes, [n, m]), { array: anchors.map((a) => [a.cx, a.cy, a.w, a.h]) }] },
      { function: "ssd_step_losses", args: [{ model: [arr(probs), arr(offsets)] }, [arr(tf.zeros([n, 1])), arr(t.labels, [n, A], "int32"), arr(t.offsets, [n, A, 4])]] },
    ]) as [unknown, unknown[], Record<string, number>];
    expectClose(gotAnchors, anchors.flatMap((a) => [a.cx, a.cy, a.w, a.h]), "default boxes");
    expectClose(gotTargets[0], t.labels, "matched class columns", 1e-9);
    expectClose(gotTargets[1], t.offsets, "encoded offsets");
    expect(t.positive.filter((p) => p === 1).length).toBeGreaterThan(n);
    expectClose(got["classes_loss"], want.confidence, "confidence loss");
    expectClose(got["boxes_loss"], want.localization, "localization loss");
    expectClose(got["loss"], wConf * scalar(want.confidence) + wLoc * scalar(want.localization), "total");
  }, 20_000);

  it.each([
    ["the pixelcnn template (Bernoulli probabilities, downscale 2)", () => template("template-pixelcnn-mini"), { likelihood: "bernoulli", levels: 2, threshold: 0.5, logits: false, shape: [14, 14, 1], output: 0, downscale: 2 }],
    ["4 grey levels from logits", () => pixelDoc({ out: 4, activation: "linear", loss: "sparseCategoricalCrossentropy" }), { likelihood: "categorical", levels: 4, threshold: 0.5, logits: true, shape: [6, 6, 1], output: 0, downscale: 1 }],
    ["Bernoulli logits, threshold 0.3", () => pixelDoc({ activation: "linear", training: { options: { threshold: 0.3 } } }), { likelihood: "bernoulli", levels: 2, threshold: 0.3, logits: true, shape: [6, 6, 1], output: 0, downscale: 1 }],
  ] as const)("PixelCNN: what the network sees, its targets and the NLL equal the runtime's (%s)", (_name, makeDoc, model) => {
    const m = model as PixelModel;
    const rng = new Rng(13);
    const [h, w] = m.shape;
    const images = uniform(rng, [3, h * m.downscale, w * m.downscale, 1], 0, 1);
    const { input, target } = quantize(m, shrink(m, images));
    const out = m.likelihood === "bernoulli" ? (m.logits ? uniform(rng, [3, h, w, 1], -3, 3) : uniform(rng, [3, h, w, 1], 0.02, 0.98)) : uniform(rng, [3, h, w, m.levels], -2, 2);
    const nll = scalar(nllPerDim(m, out, target));
    const [seen, got] = runPython(makeDoc(), [
      { function: "pixel_targets", args: [arr(images)] },
      { function: "pixel_losses", args: [{ model: [arr(out)] }, [arr(images)]] },
    ]) as [unknown[], Record<string, number>];
    expectClose(seen[0], input, "network input");
    expectClose(seen[1], target, "target");
    expectClose(got["loss"], nll, "nats per dimension");
    expectClose(got["bits_per_dim"], nll / Math.LN2, "bits per dimension");
  }, 20_000);

  it("GANs: each recipe's schedule is the runtime's, step by step", () => {
    const steps = Array.from({ length: 12 }, (_, i) => i);
    const docs: [GraphDocument, { alternate: boolean; dSteps: number }][] = [
      [template("fixture-toy-gan"), { alternate: true, dSteps: 1 }],
      [template("template-dcgan-mini"), { alternate: false, dSteps: 1 }],
      [template("template-wgan-gp-mini"), { alternate: false, dSteps: 5 }],
      [withTraining(template("template-wgan-clip-mini"), { options: { alternate: true, dSteps: 3 } }), { alternate: true, dSteps: 3 }],
      [template("template-pix2pix-mini"), { alternate: false, dSteps: 1 }],
      [template("template-cgan-mini"), { alternate: false, dSteps: 1 }],
    ];
    for (const [doc, schedule] of docs) {
      const got = runPython(doc, steps.map((s) => ({ function: "GAN.phase", args: [s] })));
      expect(got, doc.name).toEqual(steps.map((s) => { const p = phaseOf(s, schedule); return [p.d, p.g]; }));
    }
  }, 20_000);

  it("GANs: the losses of gan, hinge, wgan, pix2pix and the gradient penalty's arithmetic equal the runtime's", () => {
    const rng = new Rng(14);
    const prob = uniform(rng, [6, 1], 0.05, 0.95), probFake = uniform(rng, [6, 1], 0.05, 0.95);
    const score = uniform(rng, [6, 1], -2, 2), scoreFake = uniform(rng, [6, 1], -2, 2);
    const bce = LOSSES.binaryCrossentropy.fn;
    const mean = (t: tf.Tensor) => scalar(tf.mean(t));
    const relu = (t: tf.Tensor) => tf.relu(t);

    for (const [loss, keras] of [["binaryCrossentropy", "binary_crossentropy"], ["meanSquaredError", "mean_squared_error"]] as const) {
      const [got] = runPython(template("template-dcgan-mini"), [{ function: "gan_losses", args: [arr(prob), arr(probFake), { keras_loss: keras }] }]) as [Record<string, number>];
      const fn = LOSSES[loss].fn;
      expectClose(got["d_loss"], scalar(fn(tf.onesLike(prob), prob)) + scalar(fn(tf.zerosLike(probFake), probFake)), `gan d_loss (${loss})`);
      expectClose(got["g_loss"], fn(tf.onesLike(probFake), probFake), `gan g_loss (${loss})`);
    }

    const [hinge] = runPython(template("template-sngan-mini"), [{ function: "hinge_losses", args: [arr(score), arr(scoreFake)] }]) as [Record<string, number>];
    expectClose(hinge["d_loss"], mean(relu(tf.sub(1, score))) + mean(relu(tf.add(1, scoreFake))), "hinge d_loss");
    expectClose(hinge["g_loss"], -mean(scoreFake), "hinge g_loss");

    // The runtime's penalty on a linear critic D(x) = x·w, whose gradient is w for every sample.
    const w = tf.tensor2d([[0.3], [-1.7]]);
    const real = uniform(rng, [5, 2], -1, 1), fake = uniform(rng, [5, 2], -1, 1);
    const gp = scalar(gradientPenalty((x) => tf.matMul(x as tf.Tensor2D, w), real, fake));
    const [wgan, penalty] = runPython(template("template-wgan-gp-mini"), [
      { function: "wasserstein_losses", args: [arr(score), arr(scoreFake)] },
      { function: "penalty_of_gradients", args: [arr(tf.tile(tf.reshape(w, [1, 2]), [5, 1]))] },
    ]) as [Record<string, number>, number];
    expectClose(wgan["w_distance"], mean(score) - mean(scoreFake), "w_distance");
    expectClose(wgan["d_loss"], mean(scoreFake) - mean(score), "wgan d_loss");
    expectClose(wgan["g_loss"], -mean(scoreFake), "wgan g_loss");
    expectClose(penalty, gp, "gradient penalty");
    expect(gp).toBeGreaterThan(0.1);

    const patches = uniform(rng, [2, 3, 3, 1], 0.05, 0.95), patchesFake = uniform(rng, [2, 3, 3, 1], 0.05, 0.95);
    const image = uniform(rng, [2, 4, 4, 3], -1, 1), target = uniform(rng, [2, 4, 4, 3], -1, 1);
    const [p2p] = runPython(template("template-pix2pix-mini"), [{ function: "pix2pix_losses", args: [arr(patches), arr(patchesFake), arr(image), arr(target), 100] }]) as [Record<string, number>];
    const l1 = mean(tf.abs(tf.sub(image, target)));
    expectClose(p2p["d_loss"], 0.5 * (scalar(bce(tf.onesLike(patches), patches)) + scalar(bce(tf.zerosLike(patchesFake), patchesFake))), "pix2pix d_loss");
    expectClose(p2p["g_loss"], scalar(bce(tf.onesLike(patchesFake), patchesFake)) + 100 * l1, "pix2pix g_loss");
    expectClose(p2p["l1"], l1, "pix2pix l1");
  }, 20_000);

  it("word2vec: the words, the examples and the negative-sampling loss are the runtime's", () => {
    const V = 32, D = 8, k = 5;
    const text = ` ${plantedCorpus(40)} `;
    const chars = [...new Set(text)].sort();
    const runtimeWords = windowWords([...text].map((ch) => chars.indexOf(ch)), chars);
    const rng = new Rng(15);
    const ids = runtimeWords.map(() => rng.int(6));
    // The runtime's examples: every word with a full context (2 before, 2 after) whose id is not 0.
    const context: number[][] = [];
    const centre: number[] = [];
    for (let i = 2; i + 2 < ids.length; i++) if (ids[i] !== 0) { context.push([...ids.slice(i - 2, i), ...ids.slice(i + 1, i + 3)]); centre.push(ids[i]!); }
    const N = 7;
    const table = uniform(rng, [V, D], -1, 1), kernel = uniform(rng, [D, V], -1, 1), bias = uniform(rng, [V], -0.5, 0.5);
    const cand = tf.tensor2d(Array.from({ length: N }, (_, i) => [centre[i]!, ...Array.from({ length: k }, () => rng.int(V))]), [N, k + 1], "int32");
    const ctxIds = tf.tensor2d(context.slice(0, N), [N, 4], "int32");
    // runtime/recipes/word2vec.ts's loss, as it computes it: one-hot bags and products.
    const bag = tf.div(tf.sum(tf.oneHot(ctxIds, V), 1), 4);
    const all = tf.add(tf.matMul(tf.matMul(bag, table), kernel), bias);
    const scores = tf.sum(tf.mul(tf.expandDims(all, 1), tf.oneHot(cand, V)), -1);
    const signs = tf.concat([tf.ones([1, 1]), tf.fill([1, k], -1)], 1);
    const perExample = tf.sum(tf.softplus(tf.neg(tf.mul(signs, scores))), 1);
    // One train window holding the whole text (the test half repeats it), so the runtime counts every word once.
    const vocab = wordVocabulary(textDataset(text + text, { steps: text.length - 1, stride: text.length, testFraction: 0.5 }), V);
    const [words, vocabulary, examples, loss] = runPython(cbowDoc(V, D), [
      { function: "WORD.findall", args: [text.toLowerCase()] },
      { function: "cbow_vocabulary", args: [runtimeWords] },
      { function: "cbow_examples", args: [arr(ids, [ids.length], "int32")] },
      { function: "cbow_negative_sampling_loss", args: [arr(table), arr(kernel), arr(bias), arr(ctxIds, undefined, "int32"), arr(cand, undefined, "int32")] },
    ]) as [string[], [string[], number[]], [number[][], number[]], number[]];
    expect(words).toEqual(runtimeWords);
    expect(vocabulary[0]).toEqual(vocab.words);
    expect(vocabulary[1]).toEqual(Array.from(vocab.counts));
    expect(examples[0]).toEqual(context);
    expect(examples[1]).toEqual(centre);
    expectClose(loss, perExample, "per-example loss");
  }, 20_000);
});
