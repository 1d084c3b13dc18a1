/**
 * Boxes from a trained detector's outputs, for the app, the inspection tools and evaluation:
 * build a Detector once from the graph's training section and the network's output order, then
 * hand it each batch's outputs as plain arrays (what tensor.data() gives).
 *
 *   const detector = makeDetector(doc.training, net.outputs.map((o) => o.nodeId));
 *   const boxes = detector.detect(outputs.map((t) => ({ shape: t.shape, data: t.dataSync() })));
 *   // or, once: detect(outputs, { training: doc.training, outputIds })
 */
import type { TrainingSpec } from "../../graph-ir/core/document.js";
import { TrainingError } from "../train/errors.js";
import type { CenterBox } from "./boxes.js";
import type { Detection } from "./nms.js";
import { decodeSsd, defaultBoxes, ssdConfig, type SsdConfig } from "./ssd.js";
import { decodeYolo, yoloConfig, type YoloConfig } from "./yolo.js";

/** One model output as plain numbers, batch first. */
export interface OutputData {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

export interface DetectOverrides {
  readonly scoreThreshold?: number;
  readonly iouThreshold?: number;
  readonly maxDetections?: number;
}

export interface Detector {
  readonly recipe: "yolo" | "ssd";
  readonly classes: number;
  /** Boxes per image, best first, after the score threshold and per-class NMS. */
  detect(outputs: readonly OutputData[], overrides?: DetectOverrides): Detection[][];
}

/** The loss names each detection recipe puts on its outputs. */
export const YOLO_LOSS = "yoloV1";
export const SSD_CONFIDENCE_LOSS = "ssdConfidence";
export const SSD_LOCALIZATION_LOSS = "ssdLocalization";

type Section = Pick<TrainingSpec, "recipe" | "losses" | "options">;

function outputIndex(training: Section, outputs: readonly string[], loss: string): number {
  const term = training.losses.find((l) => l.loss === loss);
  const index = term ? outputs.indexOf(term.output) : -1;
  if (!term || index < 0) {
    throw new TrainingError("bad-settings", `The ${training.recipe} recipe needs the ${loss} loss on one of the network's outputs (${outputs.join(", ")}); add it to training.losses.`);
  }
  return index;
}

function batchOf(o: OutputData): number {
  const n = o.shape[0];
  if (n === undefined) throw new RangeError("A detector output has no batch dimension.");
  return n;
}

export function yoloDetector(config: YoloConfig, gridIndex = 0): Detector {
  return {
    recipe: "yolo",
    classes: config.classes,
    detect: (outputs, overrides) => {
      const grid = outputs[gridIndex]!;
      return decodeYolo(grid.data, batchOf(grid), config, overrides);
    },
  };
}

export function ssdDetector(config: SsdConfig, classesIndex = 0, boxesIndex = 1, anchors: readonly CenterBox[] = defaultBoxes(config)): Detector {
  return {
    recipe: "ssd",
    classes: config.classes,
    detect: (outputs, overrides) => {
      const probs = outputs[classesIndex]!;
      return decodeSsd(probs.data, outputs[boxesIndex]!.data, batchOf(probs), anchors, config, overrides);
    },
  };
}

/** A detector for a graph trained with the yolo or ssd recipe; `outputs` are the network's output node ids in order. */
export function makeDetector(training: Section, outputs: readonly string[]): Detector {
  const options = training.options ?? {};
  if (training.recipe === "yolo") return yoloDetector(yoloConfig(options), outputIndex(training, outputs, YOLO_LOSS));
  if (training.recipe === "ssd") return ssdDetector(ssdConfig(options), outputIndex(training, outputs, SSD_CONFIDENCE_LOSS), outputIndex(training, outputs, SSD_LOCALIZATION_LOSS));
  throw new TrainingError("unknown-recipe", `Boxes can only be read from graphs trained with the yolo or ssd recipe; this one uses "${training.recipe}".`);
}

/** One-shot form of makeDetector(...).detect(...), for callers that decode once. */
export function detect(outputs: readonly OutputData[], options: DetectOverrides & { readonly training: Section; readonly outputIds: readonly string[] }): Detection[][] {
  return makeDetector(options.training, options.outputIds).detect(outputs, options);
}
