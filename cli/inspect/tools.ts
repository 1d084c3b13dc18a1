/**
 * Each `layerloom inspect` tool on a loaded network: runs the runtime/inspect call, writes its
 * pictures into the output folder and returns one line per file for the terminal.
 */
import { join } from "node:path";
import type { Dataset, Split } from "../../runtime/data/types.js";
import { toTensor } from "../../runtime/data/tensors.js";
import { activations, gradCam, heatmapToRGBA, layerMatrix, nearestNeighbourAccuracy, optimizeInput, overlay, pca, saliency, tsne, type Heatmap } from "../../runtime/inspect/index.js";
import type { MaterializedNetwork } from "../../runtime/materialize/materialize.js";
import * as tf from "../../runtime/tf.js";
import type { Io } from "../io.js";
import type { Tool } from "./layers.js";
import { nodeLabel } from "./layers.js";
import { asImage, enlarge, featurePicture, imagePicture, scatterPicture, writePng, type Picture } from "./pictures.js";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";

export interface ToolRequest {
  readonly tool: Tool;
  readonly net: MaterializedNetwork;
  /** The Keras layer the tool looks at (none for saliency). */
  readonly layer?: string;
  readonly dataset?: Dataset;
  readonly split: Split;
  readonly index: number;
  readonly classIndex?: number;
  readonly unit?: number;
  readonly penalty?: number;
  readonly steps?: number;
  readonly count?: number;
  readonly seed: number;
  readonly out: string;
  readonly io: Io;
}

/** File names keep letters, digits, dot, dash and underscore. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

async function save(out: string, name: string, picture: Picture, what: string): Promise<string> {
  const path = join(out, name);
  await writePng(path, enlarge(picture));
  return `wrote ${path} (${what})`;
}

const heatPicture = (heat: Heatmap): Picture => ({ width: heat.width, height: heat.height, rgba: heatmapToRGBA(heat) });

function className(dataset: Dataset | undefined, k: number): string {
  return dataset?.target.kind === "classes" && dataset.target.names[k] !== undefined ? `${k} (${dataset.target.names[k]})` : String(k);
}

export async function runTool(r: ToolRequest): Promise<string[]> {
  const model = r.net.model;
  const label = r.layer ? nodeLabel(r.net, r.layer) : "";
  if (r.tool === "optimize") {
    const image = model.inputs[0]!.shape.length === 4;
    const unit = r.unit ?? r.classIndex ?? 0;
    const penalty = image ? (r.penalty ?? 0.1) : 0;
    const result = await optimizeInput(model, {
      layerName: r.layer!, unit, steps: r.steps ?? 200, learningRate: 0.05, penaltyWeight: penalty, seed: r.seed,
      ...(r.io.live ? { onProgress: (s: number, v: number) => r.io.live!(`optimising: step ${s}, objective ${v.toFixed(4)}`) } : {}),
    }).finally(() => r.io.live?.(undefined));
    const picture = image ? imagePicture(asImage(result, true)!) : featurePicture(result);
    const last = result.objective[result.objective.length - 1]!;
    return [await save(r.out, `optimize-${safe(label)}-u${unit}.png`, picture, `the input that drives unit ${unit} of '${label}', ${result.objective.length} steps, realism penalty ${penalty}, objective ${last.toFixed(4)}`)];
  }
  const dataset = r.dataset!;
  if (r.tool === "tsne" || r.tool === "pca") return embedding(r, dataset, label);

  const batch = dataset.gather(r.split, [r.index]);
  const x = tf.tidy(() => tf.squeeze(toTensor(batch.x), [0]));
  const sample = { shape: x.shape, values: new Float32Array(await x.data()) };
  const base = asImage(sample, false);
  const truth = dataset.target.kind === "classes" && batch.y.shape.length === 1 ? ` (label ${className(dataset, batch.y.data[0]!)})` : "";
  const where = `sample ${r.index} of the ${r.split} split${truth}`;
  try {
    if (r.tool === "activations") {
      const a = await activations(model, x, r.layer!);
      return [await save(r.out, `activations-${safe(label)}-${r.index}.png`, featurePicture(a), `'${label}' on ${where}: ${a.shape.join("×")}`)];
    }
    const k = r.classIndex ?? predicted(model, x);
    const chosen = `class ${className(dataset, k)}${r.classIndex === undefined ? ", the predicted one" : ""}`;
    const heat = r.tool === "gradcam"
      ? await gradCam(model, x, { classIndex: k, layerName: r.layer! })
      : await saliency(model, x, { classIndex: k, method: r.tool === "guided" ? "guided" : "plain" });
    const stem = r.tool === "gradcam" ? `gradcam-${safe(label)}-${r.index}-c${k}` : `${r.tool}-${r.index}-c${k}`;
    const title = r.tool === "gradcam" ? `Grad-CAM at '${label}'` : r.tool === "guided" ? "guided back-propagation" : "saliency";
    const lines = [await save(r.out, `${stem}.png`, heatPicture(heat), `${title} for ${chosen} on ${where}`)];
    if (base && base.width === heat.width && base.height === heat.height) {
      lines.push(await save(r.out, `${stem}-overlay.png`, { width: heat.width, height: heat.height, rgba: overlay(base, heat, 0.5) }, "the same over the input"));
    }
    return lines;
  } finally {
    x.dispose();
  }
}

function predicted(model: tf.LayersModel, x: tf.Tensor): number {
  return tf.tidy(() => {
    const out = ([] as tf.Tensor[]).concat(model.predict(x.expandDims(0)) as tf.Tensor | tf.Tensor[])[0]!;
    return tf.argMax(out.reshape([-1])).dataSync()[0]!;
  });
}

async function embedding(r: ToolRequest, dataset: Dataset, label: string): Promise<string[]> {
  const available = dataset.size(r.split);
  const count = Math.min(r.count ?? 500, available);
  const batch = dataset.gather(r.split, Int32Array.from({ length: count }, (_, i) => i));
  const inputs = toTensor(batch.x);
  let matrix;
  try {
    matrix = await layerMatrix(r.net.model, inputs, r.layer!);
  } finally {
    inputs.dispose();
  }
  const labels = dataset.target.kind === "classes" && batch.y.shape.length === 1 ? Array.from(batch.y.data) : new Array<number>(count).fill(0);
  let points: Float32Array;
  let detail: string;
  if (r.tool === "pca") {
    const p = pca(matrix, 2);
    points = p.points;
    detail = `explained variance ${p.explained.map((e) => e.toFixed(3)).join(" + ")}`;
  } else {
    const iterations = r.steps ?? 1000;
    points = await tsne(matrix, { seed: r.seed, iterations, ...(r.io.live ? { onProgress: (i: number, n: number) => r.io.live!(`t-SNE: iteration ${i}/${n}`) } : {}) }).finally(() => r.io.live?.(undefined));
    detail = `${iterations} iterations`;
  }
  const separation = dataset.target.kind === "classes" ? `, nearest-neighbour accuracy ${nearestNeighbourAccuracy(points, 2, labels).toFixed(3)}` : "";
  const stem = `${r.tool}-${safe(label)}`;
  const csv = join(r.out, `${stem}.csv`);
  await writeFileAtomic(csv, "x,y,label\n" + labels.map((l, i) => `${points[2 * i]},${points[2 * i + 1]},${l}`).join("\n") + "\n");
  return [
    await save(r.out, `${stem}.png`, scatterPicture(points, labels), `${r.tool === "pca" ? "PCA" : "t-SNE"} of '${label}' over ${count} samples of the ${r.split} split (${matrix.cols} values each), ${detail}${separation}`),
    `wrote ${csv} (the points and labels)`,
  ];
}
