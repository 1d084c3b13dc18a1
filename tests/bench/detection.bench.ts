/**
 * `npm run bench -- detection`: trains the YOLO v1 and SSD template minis on
 * synthetic:shapes-detect-64 (seeded, the current backend: cpu under Node unless chosen) and
 * reports mAP@0.5 on the test split, beside chance (random boxes of the truth boxes' sizes,
 * tests/support/detection.ts). LAYERLOOM_BENCH_DETECTION_EPOCHS (default 3) and
 * LAYERLOOM_BENCH_DETECTION_TRAIN (training samples, default 2000) size the run;
 * LAYERLOOM_BENCH_DETECTION_ONLY=yolo-v1|ssd trains one; LAYERLOOM_BENCH_DETECTION_EVERY=N also
 * measures mAP@0.5 every N epochs (a learning curve). On this 2-core machine a mini's cpu step
 * takes 2-6 s, so the default run is 10-20 minutes per model.
 */
import { readFileSync } from "node:fs";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { shapes } from "../../runtime/data/synthetic/shapes.js";
import { makeDetector } from "../../runtime/detection/detect.js";
import { evaluateDetection, splitTruths } from "../../runtime/detection/evaluate.js";
import * as tf from "../../runtime/tf.js";
import { train } from "../../runtime/train/loop.js";
import { prepareTraining } from "../../runtime/train/session.js";
import { chanceMap } from "../support/detection.js";

const EPOCHS = Number(process.env.LAYERLOOM_BENCH_DETECTION_EPOCHS ?? 3);
const TRAIN = Number(process.env.LAYERLOOM_BENCH_DETECTION_TRAIN ?? 2000);
const TEST = 400;
const ONLY = process.env.LAYERLOOM_BENCH_DETECTION_ONLY;
const EVERY = Number(process.env.LAYERLOOM_BENCH_DETECTION_EVERY ?? 0);

async function benchOne(id: string): Promise<Record<string, unknown>> {
  const r = parseGraphFile(readFileSync(new URL(`../../templates/${id}/mini.layerloom.json`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(`${id}: ${r.error.message}`);
  const doc = r.doc;
  const dataset = shapes({ size: 64, maxObjects: 3, trainSize: TRAIN, testSize: TEST });
  const session = await prepareTraining(doc, { dataset, seed: 1, epochs: EPOCHS });
  try {
    const net = session.roles["model"]!;
    const detector = makeDetector(doc.training!, net.outputs.map((o) => o.nodeId));
    const curve: { epoch: number; loss: number | undefined; mAP50: number }[] = [];
    let evaluating = 0;
    const start = performance.now();
    const outcome = await train({
      recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint,
      onEpoch: async (log) => {
        const epoch = log.epoch;
        if (!EVERY || epoch % EVERY !== 0 || epoch === EPOCHS) return;
        const t = performance.now();
        const m = await evaluateDetection(net.model, detector, dataset, "test", { overrides: { scoreThreshold: 0.001 } });
        curve.push({ epoch, loss: log.values["loss"], mAP50: Number(m.map.toFixed(4)) });
        evaluating += performance.now() - t;
      },
    });
    // Training time alone: the learning curve's evaluations are left out.
    const seconds = (performance.now() - start - evaluating) / 1000;
    // The full ranking (score threshold 0.001) for mAP, as VOC evaluations do; and at the template's own threshold.
    const ranked = await evaluateDetection(net.model, detector, dataset, "test", { overrides: { scoreThreshold: 0.001 } });
    const shipped = await evaluateDetection(net.model, detector, dataset, "test");
    const chance = chanceMap(ranked.truths, splitTruths(dataset, "train", 500), detector.classes);
    return {
      steps: outcome.loop.step, epochs: EPOCHS, trainSamples: TRAIN, testImages: TEST, trainSeconds: Number(seconds.toFixed(1)),
      finalLoss: outcome.history.at(-1)?.values["loss"],
      mAP50: Number(ranked.map.toFixed(4)),
      ...(curve.length ? { mAP50ByEpoch: [...curve, { epoch: EPOCHS, loss: outcome.history.at(-1)?.values["loss"], mAP50: Number(ranked.map.toFixed(4)) }] } : {}),
      mAP50PerClass: ranked.perClass.map((v) => (v === null ? null : Number(v.toFixed(4)))),
      mAP50AtTemplateThreshold: Number(shipped.map.toFixed(4)),
      chanceMAP50: Number(chance.toFixed(4)),
    };
  } finally {
    session.dispose();
  }
}

export async function benchDetection(): Promise<Record<string, unknown>> {
  await tf.setBackend("cpu");
  const result: Record<string, unknown> = { backend: tf.getBackend() };
  if (!ONLY || ONLY === "yolo-v1") result["yolo"] = await benchOne("yolo-v1");
  if (!ONLY || ONLY === "ssd") result["ssd"] = await benchOne("ssd");
  return result;
}
