/**
 * Small detectors for tests that must train in seconds on the cpu backend: the templates' minis
 * take one to several seconds per step there. Same recipes, losses and options as the minis, on
 * 32×32 scenes of up to 3 shapes. Batch normalization uses momentum 0.9 (Keras: 0.99) so its
 * running statistics, which inference uses, have caught up after the few dozen steps a test trains.
 */
import type { GraphDocument, TrainingSpec } from "../../graph-ir/core/document.js";
import { shapes } from "../../runtime/data/synthetic/shapes.js";
import type { Dataset } from "../../runtime/data/types.js";
import { Rng } from "../../runtime/data/rng.js";
import type { TruthBox } from "../../runtime/detection/boxes.js";
import { meanAveragePrecision } from "../../runtime/detection/map.js";
import type { Detection } from "../../runtime/detection/nms.js";
import { graph, type GraphBuilder } from "./docs.js";

export const detectionSet = (trainSize = 512, testSize = 100): Dataset => shapes({ size: 32, maxObjects: 3, trainSize, testSize });

const base = (spec: Partial<TrainingSpec>): Partial<TrainingSpec> => ({
  networks: { model: "net" }, dataset: "synthetic:shapes-detect-32", optimizer: { kind: "adam", learningRate: 0.005 }, batchSize: 8, epochs: 1, ...spec,
});

/** Three strided conv + batch norm + leaky ReLU stages: 32 -> 16 -> 8 -> 4. */
function backbone(g: GraphBuilder): GraphBuilder {
  g.node("image", "Input", { shape: [32, 32, 3] });
  let prev = "image";
  [8, 16, 32].forEach((filters, i) => {
    g.layer(`conv${i}`, "Conv2D", { filters, kernelSize: [3, 3], strides: [2, 2], padding: "same", useBias: false }, prev)
      .layer(`bn${i}`, "BatchNormalization", { momentum: 0.9 }, `conv${i}`)
      .layer(`act${i}`, "LeakyReLU", { alpha: 0.1 }, `bn${i}`);
    prev = `act${i}`;
  });
  return g;
}

/** YOLO v1 on a 4×4 grid, 2 boxes and 3 classes per cell (13 values), from a 1×1 convolution. */
export function tinyYolo(): GraphDocument {
  return backbone(graph("Tiny YOLO"))
    .layer("grid", "Conv2D", { filters: 13, kernelSize: [1, 1] }, "act2")
    .network("net", ["image"], ["grid"])
    .training(base({
      recipe: "yolo",
      losses: [{ output: "grid", loss: "yoloV1", weight: 1 }],
      options: { gridSize: 4, boxesPerCell: 2, classes: 3, lambdaCoord: 5, lambdaNoobj: 0.5, sqrtWidthHeight: true, scoreThreshold: 0.05, nmsIouThreshold: 0.5 },
    }))
    .build();
}

/** SSD with heads on the 4×4 map and a 2×2 map: 4 default boxes per position, 80 in all, 3 classes + background. */
export function tinySsd(): GraphDocument {
  const g = backbone(graph("Tiny SSD"))
    .layer("extra", "Conv2D", { filters: 16, kernelSize: [3, 3], strides: [2, 2], padding: "same", activation: "relu" }, "act2");
  const heads: [string, string, number][] = [["h1", "act2", 16 * 4], ["h2", "extra", 4 * 4]];
  for (const [h, from, rows] of heads) {
    g.layer(`${h}_scores`, "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same" }, from)
      .layer(`${h}_score_rows`, "Reshape", { targetShape: [rows, 4] }, `${h}_scores`)
      .layer(`${h}_offsets`, "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same" }, from)
      .layer(`${h}_offset_rows`, "Reshape", { targetShape: [rows, 4] }, `${h}_offsets`);
  }
  return g
    .node("scores", "Concatenate", { axis: 1, inputs: 2 })
    .edge("h1_score_rows", ["scores", "in0"]).edge("h2_score_rows", ["scores", "in1"])
    .layer("classes", "Softmax", { axis: -1 }, "scores")
    .node("boxes", "Concatenate", { axis: 1, inputs: 2 })
    .edge("h1_offset_rows", ["boxes", "in0"]).edge("h2_offset_rows", ["boxes", "in1"])
    .network("net", ["image"], ["classes", "boxes"])
    .training(base({
      recipe: "ssd",
      losses: [{ output: "classes", loss: "ssdConfidence", weight: 1 }, { output: "boxes", loss: "ssdLocalization", weight: 1 }],
      options: { classes: 3, backgroundClass: 0, featureMaps: "4,2", aspectRatios: "2|2", scales: "0.25,0.5", iouThreshold: 0.5, negativesPerPositive: 3, boxVariances: "0.1,0.1,0.2,0.2", scoreThreshold: 0.01, nmsIouThreshold: 0.45 },
    }))
    .build();
}

/**
 * Chance level for mAP: `perImage` boxes per image with sizes drawn from the truth boxes of
 * `sizesFrom` (the same size distribution), placed uniformly inside the image, with a uniform
 * class and a uniform score. A detector must beat what guessing of this kind scores.
 */
export function chanceDetections(images: number, sizesFrom: readonly (readonly TruthBox[])[], classes: number, perImage: number, seed: number): Detection[][] {
  const sizes = sizesFrom.flat().map((t) => [t.x1 - t.x0, t.y1 - t.y0] as const);
  const rng = new Rng(seed);
  return Array.from({ length: images }, () =>
    Array.from({ length: perImage }, () => {
      const [w, h] = sizes[rng.int(sizes.length)]!;
      const x0 = rng.uniform(0, 1 - w);
      const y0 = rng.uniform(0, 1 - h);
      return { x0, y0, x1: x0 + w, y1: y0 + h, cls: rng.int(classes), score: rng.next() };
    }),
  );
}

/** The mean mAP@0.5 of chance detections over a few seeds. */
export function chanceMap(truths: readonly (readonly TruthBox[])[], sizesFrom: readonly (readonly TruthBox[])[], classes: number, perImage = 10, seeds = 5): number {
  let sum = 0;
  for (let s = 0; s < seeds; s++) sum += meanAveragePrecision(chanceDetections(truths.length, sizesFrom, classes, perImage, 1000 + s), truths, classes).map;
  return sum / seeds;
}
