/**
 * Helpers for the runtime custom-layer tests. tfjs comes through runtime/tf.ts, the same
 * instance the layers register on (tests/support/tfjs-oracle.ts imports "@tensorflow/tfjs"
 * directly, which under Node is a second instance that never sees these classes).
 */
import { expect } from "vitest";
import * as tf from "../../../runtime/tf.js";
import "../../../runtime/layers/index.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { KerasLayerSpec } from "../../../graph-ir/layers/types.js";

/** A functional model of one layer built by modelFromJSON from the spec graph-ir emits. */
export async function modelFromSpec(spec: KerasLayerSpec, inputs: readonly Shape[]): Promise<{ model: tf.LayersModel; layer: tf.layers.Layer }> {
  const layers: unknown[] = [];
  const inbound: unknown[] = [];
  inputs.forEach((shape, i) => {
    const name = `in${i}`;
    layers.push({ name, class_name: "InputLayer", config: { batch_input_shape: toKerasShape(shape), dtype: "float32", sparse: false, name }, inbound_nodes: [] });
    inbound.push([name, 0, 0, {}]);
  });
  layers.push({ name: "subject", class_name: spec.className, config: { ...spec.config, name: "subject" }, inbound_nodes: [inbound] });
  const out = (spec.config["return_scores"] === true ? [0, 1] : [0]).map((i) => ["subject", 0, i]);
  const modelTopology = {
    class_name: "Model",
    config: { name: "m", layers, input_layers: inputs.map((_, i) => [`in${i}`, 0, 0]), output_layers: out },
    keras_version: "tfjs-layers 4.22.0",
    backend: "tensor_flow.js",
  };
  const model = await tf.models.modelFromJSON({ modelTopology } as unknown as tf.io.ModelJSON);
  return { model, layer: model.getLayer("subject") };
}

/** Output shapes of a layer as a list (tfjs gives a bare shape for one output). */
export function outputShapes(layer: tf.layers.Layer): (number | null)[][] {
  const out = layer.outputShape;
  return (Array.isArray(out[0]) ? out : [out]) as (number | null)[][];
}

/** Replaces a layer's random weights by seeded ones (Glorot for kernels, zeros for biases, N(0,1) otherwise). */
export function seedWeights(layer: tf.layers.Layer, seed: number): void {
  layer.weights.forEach((w, i) => {
    const shape = w.shape as number[];
    const name = w.originalName.split("/").pop() ?? "";
    const value = name.endsWith("bias")
      ? tf.zeros(shape)
      : w.trainable
        ? tf.initializers.glorotUniform({ seed: seed + i }).apply(shape)
        : tf.randomNormal(shape, 0, 1, "float32", seed + i);
    w.write(value);
    value.dispose();
  });
}

/** Deterministic uniform values in [lo, hi) (mulberry32). */
export function seededValues(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

export function seededTensor(shape: number[], seed: number, lo = -1, hi = 1): tf.Tensor {
  return tf.tensor(seededValues(shape.reduce((a, b) => a * b, 1), seed, lo, hi), shape);
}

let varCounter = 0;
/** A fresh, uniquely named variable (tfjs refuses two variables of the same name). */
export function variable(t: tf.Tensor, label: string): tf.Variable {
  return tf.variable(t, true, `gradcheck_${label}_${varCounter++}`);
}

export interface GradCheckReport {
  readonly checked: number;
  readonly worstAbs: number;
  readonly worstRel: number;
  readonly failures: string[];
}

/**
 * tfjs's gradients of the scalar f against central differences (float32), on `samples` seeded
 * coordinates of every variable. A coordinate fails when |analytic − numeric| > atol + rtol·max(|analytic|, |numeric|).
 */
export function gradCheck(f: () => tf.Scalar, vars: tf.Variable[], o: { eps?: number; atol?: number; rtol?: number; samples?: number; seed?: number } = {}): GradCheckReport {
  const { eps = 1e-2, atol = 2e-3, rtol = 2e-2, samples = 8, seed = 1 } = o;
  const { value, grads } = tf.variableGrads(f, vars);
  value.dispose();
  const failures: string[] = [];
  let checked = 0, worstAbs = 0, worstRel = 0;
  vars.forEach((v, vi) => {
    const g = grads[v.name];
    if (!g) throw new Error(`no gradient for ${v.name}`);
    const analytic = g.dataSync();
    const base = v.dataSync().slice();
    const picks = seededValues(Math.min(samples, base.length), seed + vi, 0, base.length);
    const at = (i: number, delta: number): number => {
      const probe = base.slice();
      probe[i] = base[i]! + delta;
      const t = tf.tensor(probe, v.shape);
      v.assign(t);
      t.dispose();
      return tf.tidy(() => f().dataSync()[0]!);
    };
    for (const p of picks) {
      const i = Math.floor(p);
      const numeric = (at(i, eps) - at(i, -eps)) / (2 * eps);
      const a = analytic[i]!;
      const err = Math.abs(a - numeric);
      const rel = err / Math.max(Math.abs(a), Math.abs(numeric), 1e-12);
      worstAbs = Math.max(worstAbs, err);
      if (Math.max(Math.abs(a), Math.abs(numeric)) > 1e-3) worstRel = Math.max(worstRel, rel);
      if (err > atol + rtol * Math.max(Math.abs(a), Math.abs(numeric))) failures.push(`${v.name}[${i}]: analytic ${a}, numeric ${numeric}`);
      checked++;
    }
    const restore = tf.tensor(base, v.shape);
    v.assign(restore);
    restore.dispose();
  });
  tf.dispose(grads);
  return { checked, worstAbs, worstRel, failures };
}

/** Saves through a memory handler, the topology through JSON text, and loads it back. */
export async function saveAndLoad(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
  }));
  if (!saved) throw new Error("nothing saved");
  const topology = JSON.parse(JSON.stringify(saved.modelTopology)) as object;
  return tf.loadLayersModel(tf.io.fromMemory({ ...saved, modelTopology: topology }));
}

/** Same predictions and same config after a save/load round trip. */
export async function expectRoundTrip(model: tf.LayersModel, inputs: tf.Tensor[], layerName = "subject"): Promise<void> {
  const loaded = await saveAndLoad(model);
  expect(loaded.getLayer(layerName).getConfig()).toEqual(model.getLayer(layerName).getConfig());
  const before = [model.predict(inputs.length === 1 ? inputs[0]! : inputs)].flat();
  const after = [loaded.predict(inputs.length === 1 ? inputs[0]! : inputs)].flat();
  expect(after.length).toBe(before.length);
  before.forEach((b, i) => {
    expect(after[i]!.shape).toEqual(b.shape);
    expect(Array.from(after[i]!.dataSync())).toEqual(Array.from(b.dataSync()));
  });
  tf.dispose([...before, ...after]);
  loaded.dispose();
}

export { tf };
