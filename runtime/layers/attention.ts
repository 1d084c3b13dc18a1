/**
 * LayerloomAttention: multi-head attention with scaled dot-product or additive (Bahdanau)
 * scores. The contract (inputs, weights and their order, config keys) is the file-top comment
 * of graph-ir/layers/attention.ts.
 *
 * Heads are computed together: projections are one matMul each and give [B, H, T, ·] tensors,
 * scores are one batched matMul (dot) or a broadcast tanh (additive).
 */
import * as tf from "../tf.js";
import {
  boolParam, enumParam, initializer, intParam, serializeInitializer, shapeList,
  type Config, type Initializer, type Kwargs, type LayerArgs, type LayerShape,
} from "./config.js";

const NAME = "LayerloomAttention";
const INPUT_MODES = ["self", "queryValue", "queryKeyValue"] as const;
const PORTS = { self: ["x"], queryValue: ["query", "value"], queryKeyValue: ["query", "value", "key"] } as const;
const SCORES = ["dot", "additive"] as const;
/** What a masked score becomes; softmax turns it into an exact 0 weight. */
const MASKED = -1e9;

interface Projection {
  kernel: tf.LayerVariable;
  bias?: tf.LayerVariable;
}

export class LayerloomAttention extends tf.layers.Layer {
  static readonly className = NAME;
  readonly inputMode: (typeof INPUT_MODES)[number];
  readonly score: (typeof SCORES)[number];
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  /** 0 means "as many features as the query", resolved at build. */
  readonly outputDim: number;
  readonly causal: boolean;
  readonly useBias: boolean;
  readonly returnScores: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private w?: { query: Projection; key: Projection; value: Projection; output: Projection; scoreVector?: tf.LayerVariable };

  constructor(args: LayerArgs & Config) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    this.inputMode = enumParam(args, "inputMode", where, INPUT_MODES, "self");
    this.score = enumParam(args, "score", where, SCORES, "dot");
    this.numHeads = intParam(args, "numHeads", where, 1);
    this.keyDim = intParam(args, "keyDim", where);
    const valueDim = intParam(args, "valueDim", where, 0, 0);
    this.valueDim = valueDim === 0 ? this.keyDim : valueDim;
    this.outputDim = intParam(args, "outputDim", where, 0, 0);
    this.causal = boolParam(args, "causal", where, false);
    this.useBias = boolParam(args, "useBias", where, true);
    this.returnScores = boolParam(args, "returnScores", where, false);
    this.kernelInitializer = initializer(args["kernelInitializer"], () => tf.initializers.glorotUniform({}), where, "kernelInitializer");
    this.biasInitializer = initializer(args["biasInitializer"], () => tf.initializers.zeros(), where, "biasInitializer");
  }

  /** Query, value and key shapes in that order, checked against the input mode. */
  private operands(inputShape: LayerShape | LayerShape[]): { query: LayerShape; value: LayerShape; key: LayerShape } {
    const shapes = shapeList(inputShape);
    this.checkCount(shapes.length);
    shapes.forEach((s, i) => {
      if (s.length !== 3 || s[2] == null) throw new Error(`${NAME} "${this.name}" expects batch×time×features with known features on "${PORTS[this.inputMode][i]}", got [${s.join(", ")}]`);
    });
    const query = shapes[0]!;
    const value = shapes[1] ?? query;
    const key = shapes[2] ?? value;
    if (key[1] != null && value[1] != null && key[1] !== value[1]) {
      throw new Error(`${NAME} "${this.name}" needs one key step per value step, but key has ${key[1]} and value ${value[1]}`);
    }
    return { query, value, key };
  }

  private checkCount(given: number): void {
    const ports = PORTS[this.inputMode];
    if (given !== ports.length) {
      throw new Error(`${NAME} "${this.name}" in input mode "${this.inputMode}" takes ${ports.length} input${ports.length === 1 ? "" : "s"} (${ports.join(", ")}) but was given ${given}`);
    }
  }

  private resolvedOutputDim(queryFeatures: number): number {
    return this.outputDim === 0 ? queryFeatures : this.outputDim;
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const { query, value, key } = this.operands(inputShape);
    const [h, k, v] = [this.numHeads, this.keyDim, this.valueDim];
    const o = this.resolvedOutputDim(query[2]!);
    const projection = (name: string, kernelShape: number[], biasShape: number[]): Projection => ({
      kernel: this.addWeight(`${name}_kernel`, kernelShape, "float32", this.kernelInitializer),
      bias: this.useBias ? this.addWeight(`${name}_bias`, biasShape, "float32", this.biasInitializer) : undefined,
    });
    // Weight order is the contract's: query, key, value, output (kernel then bias), score vector.
    const q = projection("query", [query[2]!, h, k], [h, k]);
    const kk = projection("key", [key[2]!, h, k], [h, k]);
    const vv = projection("value", [value[2]!, h, v], [h, v]);
    const out = projection("output", [h, v, o], [o]);
    const scoreVector = this.score === "additive" ? this.addWeight("score_vector", [h, k], "float32", this.kernelInitializer) : undefined;
    this.w = { query: q, key: kk, value: vv, output: out, scoreVector };
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    const { query, value } = this.operands(inputShape);
    const y: LayerShape = [query[0] ?? null, query[1] ?? null, this.resolvedOutputDim(query[2]!)];
    return this.returnScores ? [y, [query[0] ?? null, this.numHeads, query[1] ?? null, value[1] ?? null]] : y;
  }

  /** x [B, T, D] · W [D, H, E] (+ b [H, E]) -> [B, H, T, E]. */
  private project(x: tf.Tensor, p: Projection, e: number): tf.Tensor {
    const [b, t, d] = x.shape as [number, number, number];
    let y = tf.matMul(x.reshape([b * t, d]), p.kernel.read().reshape([d, this.numHeads * e]));
    if (p.bias) y = tf.add(y, p.bias.read().reshape([this.numHeads * e]));
    return tf.transpose(y.reshape([b, t, this.numHeads, e]), [0, 2, 1, 3]);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const list = Array.isArray(inputs) ? inputs : [inputs];
      this.checkCount(list.length);
      const query = list[0]!;
      const value = list[1] ?? query;
      const key = list[2] ?? value;
      const w = this.w!;
      const [h, k] = [this.numHeads, this.keyDim];
      const [b, tq] = query.shape as [number, number];
      const tv = value.shape[1]!;
      const q = this.project(query, w.query, k); // [B, H, Tq, K]
      const kk = this.project(key, w.key, k); // [B, H, Tv, K]
      const v = this.project(value, w.value, this.valueDim); // [B, H, Tv, V]
      let s: tf.Tensor;
      if (this.score === "dot") {
        s = tf.div(tf.matMul(q, kk, false, true), Math.sqrt(k));
      } else {
        const sum = tf.tanh(tf.add(q.expandDims(3), kk.expandDims(2))); // [B, H, Tq, Tv, K]
        s = tf.sum(tf.mul(sum, w.scoreVector!.read().reshape([1, h, 1, 1, k])), -1);
      }
      if (this.causal) {
        // 0 where value step j ≤ query step i, MASKED above the diagonal.
        const visible = tf.linalg.bandPart(tf.ones([tq, tv]), -1, 0);
        s = tf.add(s, tf.mul(tf.sub(1, visible), MASKED));
      }
      const a = tf.softmax(s, -1); // [B, H, Tq, Tv]
      const o = tf.transpose(tf.matMul(a, v), [0, 2, 1, 3]).reshape([b * tq, h * this.valueDim]);
      const outDim = w.output.kernel.shape[2]!;
      let y = tf.matMul(o, w.output.kernel.read().reshape([h * this.valueDim, outDim]));
      if (w.output.bias) y = tf.add(y, w.output.bias.read());
      const out = y.reshape([b, tq, outDim]);
      return this.returnScores ? [out, a] : out;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      inputMode: this.inputMode,
      score: this.score,
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      outputDim: this.outputDim,
      causal: this.causal,
      useBias: this.useBias,
      returnScores: this.returnScores,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }
}

tf.serialization.registerClass(LayerloomAttention);
