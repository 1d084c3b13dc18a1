/**
 * Training step time of models compiled from graph documents against the same models written by
 * hand with tf.layers, interleaved in one run (machines here are shared and noisy: compare ratios,
 * never absolute times across runs). Two comparisons per model:
 *   loop:  our whole path (compiled model, supervised recipe, training loop, batches from a
 *          Dataset) against tfjs's own model.trainOnBatch on the hand-written model, fed the same
 *          batches. Target: ratio at most 1.05.
 *   model: the compiled model and the hand-written one, both through trainOnBatch: shows the
 *          compiled topology itself costs nothing.
 * Then samples/s of the compiled LeNet-5 through our loop on every Node backend that starts.
 */
import { readFileSync } from "node:fs";
import { nodeCandidates } from "../../electron/host/backend/node-backends.js";
import { trainingProbe } from "../../runtime/train/probe.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { selectBackend } from "../../runtime/backend/select.js";
import { arraysDataset } from "../../runtime/data/in-memory.js";
import { Rng } from "../../runtime/data/rng.js";
import type { Dataset } from "../../runtime/data/types.js";
import { materializeNetwork } from "../../runtime/materialize/materialize.js";
import * as tf from "../../runtime/tf.js";
import { train } from "../../runtime/train/loop.js";
import { prepareTraining } from "../../runtime/train/session.js";
import { graph } from "../support/docs.js";

const BATCH = 32;
/** Steps of each side per round; rounds alternate which side goes first. LAYERLOOM_BENCH_ROUNDS sets more rounds on a quiet machine. */
const STEPS_PER_ROUND = 1;
const ROUNDS = Number(process.env.LAYERLOOM_BENCH_ROUNDS ?? 7);

function lenetDoc(): GraphDocument {
  const r = parseGraphFile(readFileSync(new URL("../fixtures/lenet5.layerloom.json", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

function lenetByHand(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 6, kernelSize: 5, activation: "tanh" }),
      tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: "tanh" }),
      tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 120, activation: "tanh" }),
      tf.layers.dense({ units: 84, activation: "tanh" }),
      tf.layers.dense({ units: 10, activation: "softmax" }),
    ],
  });
}

const INCEPTION = { f1x1: 8, f3x3reduce: 8, f3x3: 16, f5x5reduce: 4, f5x5: 8, poolProj: 8 };

/** A small Inception-style net: stem conv, two inception modules around a pooling, global pooling, softmax. */
function inceptionDoc(): GraphDocument {
  return graph("Inception (small)")
    .node("image", "Input", { shape: [12, 12, 3] })
    .layer("stem", "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same", activation: "relu" }, "image")
    .layer("inc1", "Inception", INCEPTION, "stem")
    .layer("pool", "MaxPooling2D", { poolSize: [2, 2], strides: [2, 2] }, "inc1")
    .layer("inc2", "Inception", INCEPTION, "pool")
    .layer("gap", "GlobalAveragePooling2D", {}, "inc2")
    .layer("logits", "Dense", { units: 10, activation: "softmax" }, "gap")
    .network("net", ["image"], ["logits"])
    .training({ dataset: "bench:images-12", losses: [{ output: "logits", loss: "categoricalCrossentropy", weight: 1 }], metrics: ["accuracy"], optimizer: { kind: "adam", learningRate: 0.001 }, batchSize: BATCH, epochs: 1 })
    .build();
}

function inceptionByHand(): tf.LayersModel {
  const conv = (filters: number, k: number) => tf.layers.conv2d({ filters, kernelSize: k, padding: "same", activation: "relu" });
  const module = (x: tf.SymbolicTensor): tf.SymbolicTensor => {
    const b1 = conv(INCEPTION.f1x1, 1).apply(x) as tf.SymbolicTensor;
    const b2 = conv(INCEPTION.f3x3, 3).apply(conv(INCEPTION.f3x3reduce, 1).apply(x)) as tf.SymbolicTensor;
    const b3 = conv(INCEPTION.f5x5, 5).apply(conv(INCEPTION.f5x5reduce, 1).apply(x)) as tf.SymbolicTensor;
    const b4 = conv(INCEPTION.poolProj, 1).apply(tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: "same" }).apply(x)) as tf.SymbolicTensor;
    return tf.layers.concatenate({ axis: -1 }).apply([b1, b2, b3, b4]) as tf.SymbolicTensor;
  };
  const input = tf.input({ shape: [12, 12, 3] });
  const stem = conv(16, 3).apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }).apply(module(stem)) as tf.SymbolicTensor;
  const gap = tf.layers.globalAveragePooling2d({}).apply(module(pooled)) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, activation: "softmax" }).apply(gap) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}

/** Seeded noise images with 10 classes; `batches` batches of BATCH. */
function images(id: string, shape: number[], batches: number): Dataset {
  const n = batches * BATCH;
  const per = shape.reduce((a, b) => a * b, 1);
  const rng = new Rng(7);
  const values = Float32Array.from({ length: n * per }, () => rng.next());
  const labels = Array.from({ length: n }, (_, i) => i % 10);
  return arraysDataset({
    id, title: id, description: "benchmark noise", provenance: { source: "generated", license: "none" },
    sampleShape: shape, values, target: { kind: "classes", labels, names: Array.from({ length: 10 }, (_, i) => String(i)) },
    splits: { train: Int32Array.from({ length: n }, (_, i) => i), test: new Int32Array(0) },
  });
}

/** Steps timed per backend (after as many untimed). */
const BACKEND_STEPS = 4;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** trainOnBatch over the dataset's batches in order, as a tfjs user would feed them. */
async function trainOnBatches(model: tf.LayersModel, data: Dataset, steps: number): Promise<void> {
  for (let s = 0; s < steps; s++) {
    const batch = data.gather("train", Int32Array.from({ length: BATCH }, (_, i) => s * BATCH + i));
    const x = tf.tensor(batch.x.data, [...batch.x.shape]);
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(batch.y.data as Int32Array, "int32"), 10), "float32"));
    await model.trainOnBatch(x, y);
    tf.dispose([x, y]);
  }
}

interface Side {
  /** Median wall-clock milliseconds per step. */
  readonly msPerStep: number;
  /** Median CPU milliseconds (user + system, all threads of this process) per step. */
  readonly cpuMsPerStep: number;
}

interface Comparison {
  readonly a: Side;
  readonly b: Side;
  /** Median over rounds of a/b, wall clock and CPU time; each round's pair ran back to back. */
  readonly ratio: number;
  readonly cpuRatio: number;
  readonly ratioRange: readonly number[];
}

/**
 * Alternates a and b, one round each way, after a warm-up of both. On a shared machine the wall
 * clock follows the neighbours' load; CPU time spent by this process follows the work done, so
 * cpuRatio is the steadier figure here.
 */
async function interleaved(a: () => Promise<void>, b: () => Promise<void>): Promise<Comparison> {
  await a();
  await b(); // warm-up: kernels, shapes, optimiser slots
  const wall = { a: [] as number[], b: [] as number[] };
  const cpu = { a: [] as number[], b: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const which of r % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await (which === "a" ? a() : b());
      wall[which].push((performance.now() - t0) / STEPS_PER_ROUND);
      const c = process.cpuUsage(c0);
      cpu[which].push((c.user + c.system) / 1000 / STEPS_PER_ROUND);
    }
  }
  // Each round's two timings are neighbours in time, so their ratio cancels most of the load drift.
  const ratios = wall.a.map((x, i) => x / wall.b[i]!);
  const cpuRatios = cpu.a.map((x, i) => x / cpu.b[i]!);
  return {
    a: { msPerStep: round(median(wall.a)), cpuMsPerStep: round(median(cpu.a)) },
    b: { msPerStep: round(median(wall.b)), cpuMsPerStep: round(median(cpu.b)) },
    ratio: round(median(ratios), 3),
    cpuRatio: round(median(cpuRatios), 3),
    ratioRange: [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)],
  };
}

async function compare(name: string, doc: GraphDocument, byHand: () => tf.LayersModel, data: Dataset) {
  // Ours: the full training path on an epoch of STEPS_PER_ROUND batches.
  const session = await prepareTraining(doc, { dataset: data, seed: 1, epochs: 1 });
  const ours = async () => {
    await train({ recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint });
  };
  const hand = byHand();
  hand.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const theirs = () => trainOnBatches(hand, data, STEPS_PER_ROUND);
  const loop = await interleaved(ours, theirs);

  const compiled = await materializeNetwork(doc, doc.training!.networks["model"]!, { seed: 1 });
  compiled.model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const model = await interleaved(() => trainOnBatches(compiled.model, data, STEPS_PER_ROUND), theirs);
  const params = { compiled: session.networks[0]!.model.countParams(), byHand: hand.countParams() };
  session.dispose();
  compiled.model.dispose();
  hand.dispose();
  return {
    model: name, batch: BATCH, params,
    loop: { ours: loop.a, trainOnBatch: loop.b, ratio: loop.ratio, cpuRatio: loop.cpuRatio, ratioRange: loop.ratioRange },
    model_only: { compiled: model.a, byHand: model.b, ratio: model.ratio, cpuRatio: model.cpuRatio, ratioRange: model.ratioRange },
    rounds: ROUNDS, stepsPerRound: STEPS_PER_ROUND,
  };
}

/** Samples/s of the compiled LeNet-5 through our loop on each Node backend that passes its self-check. */
async function perBackend(doc: GraphDocument, data: Dataset) {
  const out: Record<string, unknown> = {};
  for (const name of ["cpu", "wasm", "webgpu"] as const) {
    try {
      await selectBackend({ candidates: nodeCandidates({ only: [name] }), probe: trainingProbe(doc, data, 1), timeoutMs: 120_000 });
    } catch (e) {
      out[name] = { skipped: (e instanceof Error ? e.message : String(e)).replace(/^No backend can train this model here:\n\s*- /, "") };
      continue;
    }
    const session = await prepareTraining(doc, { dataset: data, seed: 1, epochs: 1 });
    const run = () => train({ recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint });
    await run(); // warm-up
    const t0 = performance.now();
    const r = await run();
    const seconds = (performance.now() - t0) / 1000;
    out[name] = { samplesPerSecond: round((BACKEND_STEPS * BATCH) / seconds, 1), steps: BACKEND_STEPS, lossAfter: round(r.history[0]!.values.loss!, 4) };
    session.dispose();
  }
  await tf.setBackend("cpu");
  return out;
}

export async function benchTraining() {
  await tf.setBackend("cpu");
  const lenet = lenetDoc();
  const lenetData = images("bench:images-32", [32, 32, 1], STEPS_PER_ROUND);
  const lenetTraining = { ...lenet, training: { ...lenet.training!, batchSize: BATCH, epochs: 1, dataset: lenetData.id } };
  const results = [
    await compare("LeNet-5", lenetTraining, lenetByHand, lenetData),
    await compare("Inception (small: 12×12×3, stem and 2 modules)", inceptionDoc(), inceptionByHand, images("bench:images-12", [12, 12, 3], STEPS_PER_ROUND)),
  ];
  const backends = await perBackend(lenetTraining, images("bench:images-32", [32, 32, 1], BACKEND_STEPS));
  return { backend: "cpu", comparisons: results, lenetSamplesPerSecond: backends };
}
