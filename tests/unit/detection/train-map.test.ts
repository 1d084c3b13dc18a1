/**
 * The yolo and ssd recipes train a detector whose boxes, read back through detect() and scored
 * with mAP@0.5 on the test split, are far better than chance. Chance is measured here: random
 * boxes with sizes drawn from the training split's truth boxes, uniform positions, classes and
 * scores (tests/support/detection.ts), 10 per image. The templates' minis take seconds per step
 * on the cpu backend, so this trains the small detectors of tests/support/detection.ts with the
 * same recipes and options; `npm run bench -- detection` trains the minis themselves.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { makeDetector } from "../../../runtime/detection/detect.js";
import { evaluateDetection, splitTruths } from "../../../runtime/detection/evaluate.js";
import * as tf from "../../../runtime/tf.js";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { chanceMap, detectionSet, tinySsd, tinyYolo } from "../../support/detection.js";

const TRAIN = 256;
const TEST = 100;
const EPOCHS = 6;

beforeAll(async () => {
  await tf.setBackend("cpu");
});

async function trainAndScore(doc: GraphDocument): Promise<{ map: number; chance: number; losses: number[] }> {
  const dataset = detectionSet(TRAIN, TEST);
  const session = await prepareTraining(doc, { dataset, seed: 1, epochs: EPOCHS });
  try {
    const out = await train({ recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint });
    const net = session.roles["model"]!;
    const detector = makeDetector(doc.training!, net.outputs.map((o) => o.nodeId));
    const ev = await evaluateDetection(net.model, detector, dataset, "test", { overrides: { scoreThreshold: 0.001 } });
    const chance = chanceMap(ev.truths, splitTruths(dataset, "train"), detector.classes);
    return { map: ev.map, chance, losses: out.history.map((h) => h.values["loss"]!) };
  } finally {
    session.dispose();
  }
}

describe.each([
  ["yolo", tinyYolo],
  ["ssd", tinySsd],
] as const)("the %s recipe", (_name, make) => {
  it("trains a detector whose mAP@0.5 on the test split is far above chance", async () => {
    const { map, chance, losses } = await trainAndScore(make());
    const text = `mAP@0.5 ${map.toFixed(3)}, chance ${chance.toFixed(3)}, loss by epoch ${losses.map((l) => l.toFixed(3)).join(", ")}`;
    // Measured (seed 1, cpu): chance 0.0045; yolo 0.136, ssd 0.386 after 192 steps of 8 images.
    expect(chance, text).toBeLessThan(0.02);
    expect(map, text).toBeGreaterThan(Math.max(0.1, 10 * chance));
    expect(losses.at(-1)!, text).toBeLessThan(losses[0]! / 2);
  }, 600_000);
});
