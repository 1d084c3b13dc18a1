/**
 * The yolo and ssd recipes refuse what they cannot train, naming the node or option and the fix,
 * and makeDetector finds the outputs by their losses.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { detect, makeDetector } from "../../../runtime/detection/detect.js";
import { RECIPES } from "../../../runtime/recipes/index.js";
import * as tf from "../../../runtime/tf.js";
import { TrainingError } from "../../../runtime/train/errors.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { detectionSet, tinySsd, tinyYolo } from "../../support/detection.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const withTraining = (doc: GraphDocument, t: Partial<TrainingSpec>): GraphDocument => ({ ...doc, training: { ...doc.training!, ...t, options: { ...doc.training!.options, ...t.options } } });

async function refusal(doc: GraphDocument, dataset = detectionSet(8, 4)): Promise<TrainingError> {
  const e = await prepareTraining(doc, { dataset, seed: 1 }).then((s) => {
    s.dispose();
    return undefined;
  }, (err: unknown) => err);
  expect(e).toBeInstanceOf(TrainingError);
  return e as TrainingError;
}

describe("detection recipes", () => {
  it("are registered as yolo and ssd", () => {
    expect(RECIPES["yolo"]?.id).toBe("yolo");
    expect(RECIPES["ssd"]?.id).toBe("ssd");
  });

  it("prepare the small detectors with the recipes' columns and no warnings", async () => {
    for (const [doc, columns] of [[tinyYolo(), ["loss", "coordinate_loss", "object_loss", "no_object_loss", "class_loss"]], [tinySsd(), ["loss", "classes_loss", "boxes_loss"]]] as const) {
      const s = await prepareTraining(doc, { dataset: detectionSet(8, 4), seed: 1 });
      expect(s.prepared.columns.map((c) => c.name)).toEqual(columns);
      expect(s.warnings).toEqual([]);
      s.dispose();
    }
  });

  it("refuse a dataset without boxes", async () => {
    const noBoxes = { ...detectionSet(8, 4), id: "test:no-boxes", extras: [] };
    const e = await refusal(tinyYolo(), noBoxes);
    expect(e.message).toMatch(/trains on bounding boxes, and test:no-boxes has none; choose a detection dataset such as synthetic:shapes-detect-64/);
  });

  it("refuse a grid output whose depth does not fit the options, naming the node", async () => {
    const e = await refusal(withTraining(tinyYolo(), { options: { boxesPerCell: 3 } }));
    expect(e.nodeId).toBe("grid");
    expect(e.message).toMatch(/'grid' gives 4×4×13 per image, but gridSize 4, boxesPerCell 3 and 3 classes .* need 4×4×18/);
  });

  it("refuse SSD heads that do not give one row per default box", async () => {
    const e = await refusal(withTraining(tinySsd(), { options: { aspectRatios: "2,3|2" } }));
    expect(e.nodeId).toBe("classes");
    expect(e.message).toMatch(/need 112×4/); // 16·6 + 4·4 default boxes
  });

  it("refuse flips and crops, which would move objects but not their boxes", async () => {
    const e = await refusal(withTraining(tinySsd(), { options: { augmentFlip: true } }));
    expect(e.message).toMatch(/cannot use flips, crops, scaling or translation/);
  });

  it("makeDetector reads the outputs by their losses and gives boxes per image", () => {
    const doc = tinySsd();
    const detector = makeDetector(doc.training!, ["boxes", "classes"]); // outputs in the other order
    const n = 2;
    const probs = new Float32Array(n * 80 * 4);
    for (let a = 0; a < n * 80; a++) probs.set([0.97, 0.01, 0.01, 0.01], a * 4);
    probs.set([0.1, 0.1, 0.7, 0.1], (80 + 5) * 4); // image 1, default box 5: class 1
    const boxes = detector.detect([{ shape: [n, 80, 4], data: new Float32Array(n * 80 * 4) }, { shape: [n, 80, 4], data: probs }], { scoreThreshold: 0.5 });
    expect(boxes[0]).toEqual([]);
    expect(boxes[1]!.map((b) => [b.cls, Number(b.score.toFixed(3))])).toEqual([[1, 0.7]]);
    const once = detect([{ shape: [n, 80, 4], data: new Float32Array(n * 80 * 4) }, { shape: [n, 80, 4], data: probs }], { training: doc.training!, outputIds: ["boxes", "classes"], scoreThreshold: 0.5 });
    expect(once).toEqual(boxes);
    expect(() => makeDetector({ ...doc.training!, recipe: "supervised" }, ["classes", "boxes"])).toThrow(/trained with the yolo or ssd recipe/);
  });
});
