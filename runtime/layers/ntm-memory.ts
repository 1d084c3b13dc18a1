/**
 * NTMMemory: a Neural Turing Machine (Graves et al. 2014) with an LSTM controller, run over a
 * sequence. The contract (initial state, step equations, head parameter layout, weight order,
 * config keys) is the file-top comment of graph-ir/layers/memory.ts.
 *
 * The time loop is unrolled with tf ops at call time (the sequence length is known then), so
 * tfjs's tape differentiates through every step. Heads of one kind are addressed together as
 * [B, heads, ·] tensors. Two numerical guards, both invisible in the values the contract gives:
 * - a norm is sqrt(max(Σx², 1e-30)) + 1e-8, so a zero key has a finite gradient;
 * - sharpening w = ws^γ / Σ ws^γ is computed as softmax(γ · log ws), the same value without
 *   underflow when γ is large (ws is floored at 1e-30 before the log).
 */
import * as tf from "../tf.js";
import {
  initializer, intParam, serializeInitializer, single, singleShape,
  type Config, type Initializer, type Kwargs, type LayerArgs, type LayerShape,
} from "./config.js";

const NAME = "NTMMemory";
const MEMORY_INIT = 1e-6;
const NORM_EPS = 1e-8;

/** Head outputs after their squashing functions, for h heads: k [B,h,M], beta, g, gamma [B,h,1], s [B,h,2S+1]. */
export interface Addressing {
  k: tf.Tensor;
  beta: tf.Tensor;
  g: tf.Tensor;
  s: tf.Tensor;
  gamma: tf.Tensor;
}

const norm = (x: tf.Tensor, axis: number) => tf.add(tf.sqrt(tf.maximum(tf.sum(tf.square(x), axis, true), 1e-30)), NORM_EPS);

/** x rolled right by j along the last axis: out[i] = x[(i − j) mod N]. */
function roll(x: tf.Tensor3D, j: number): tf.Tensor3D {
  const n = x.shape[2];
  const r = ((j % n) + n) % n;
  if (r === 0) return x;
  return tf.concat([tf.slice(x, [0, 0, n - r], [-1, -1, r]), tf.slice(x, [0, 0, 0], [-1, -1, n - r])], 2);
}

/**
 * Content addressing, interpolation, circular shift and sharpening for h heads at once:
 * mem [B, N, M], previous weightings [B, h, N] -> new weightings [B, h, N].
 */
export function address(mem: tf.Tensor3D, a: Addressing, previous: tf.Tensor3D, shiftRange: number): tf.Tensor3D {
  const similarity = tf.div(tf.matMul(a.k, mem, false, true), tf.mul(norm(a.k, 2), tf.transpose(norm(mem, 2), [0, 2, 1])));
  const wc = tf.softmax(tf.mul(a.beta, similarity), -1);
  const wg = tf.add(tf.mul(a.g, wc), tf.mul(tf.sub(1, a.g), previous)) as tf.Tensor3D;
  const terms = [];
  for (let j = -shiftRange; j <= shiftRange; j++) {
    terms.push(tf.mul(roll(wg, j), tf.slice(a.s, [0, 0, j + shiftRange], [-1, -1, 1])));
  }
  const ws = terms.length === 1 ? terms[0]! : tf.addN(terms);
  return tf.softmax(tf.mul(a.gamma, tf.log(tf.maximum(ws, 1e-30))), -1) as tf.Tensor3D;
}

export class NTMMemory extends tf.layers.Layer {
  static readonly className = NAME;
  readonly memorySlots: number;
  readonly slotSize: number;
  readonly readHeads: number;
  readonly writeHeads: number;
  readonly controllerUnits: number;
  readonly shiftRange: number;
  readonly outputDim: number;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private w?: Record<"controllerKernel" | "controllerRecurrentKernel" | "controllerBias" | "headsKernel" | "headsBias" | "outputKernel" | "outputBias", tf.LayerVariable>;

  constructor(args: LayerArgs & Config) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    this.memorySlots = intParam(args, "memorySlots", where, undefined, 2);
    this.slotSize = intParam(args, "slotSize", where);
    this.readHeads = intParam(args, "readHeads", where, 1);
    this.writeHeads = intParam(args, "writeHeads", where, 1);
    this.controllerUnits = intParam(args, "controllerUnits", where);
    this.shiftRange = intParam(args, "shiftRange", where, 1, 0);
    this.outputDim = intParam(args, "outputDim", where);
    if (2 * this.shiftRange + 1 > this.memorySlots) {
      throw new Error(`${where}: shift range ${this.shiftRange} allows ${2 * this.shiftRange + 1} shifts but memory has only ${this.memorySlots} slots; use shift_range ≤ ${Math.floor((this.memorySlots - 1) / 2)} or more slots`);
    }
    this.kernelInitializer = initializer(args["kernelInitializer"], () => tf.initializers.glorotUniform({}), where, "kernelInitializer");
    this.biasInitializer = initializer(args["biasInitializer"], () => tf.initializers.zeros(), where, "biasInitializer");
  }

  /** Length of one read head's parameters: key M, beta, gate, 2S+1 shifts, gamma. */
  private get addressingSize(): number {
    return this.slotSize + 2 * this.shiftRange + 4;
  }

  /** P: all heads' parameters, read heads first. */
  get headParamSize(): number {
    return this.readHeads * this.addressingSize + this.writeHeads * (this.addressingSize + 2 * this.slotSize);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(inputShape, NAME);
    const features = shape[2];
    if (shape.length !== 3 || features == null) {
      throw new Error(`${NAME} "${this.name}" expects batch×time×features with known features, got [${shape.join(", ")}]`);
    }
    const c = this.controllerUnits;
    const reads = this.readHeads * this.slotSize;
    const add = (name: string, s: number[], init: Initializer) => this.addWeight(name, s, "float32", init);
    // The contract's order.
    this.w = {
      controllerKernel: add("controller_kernel", [features + reads, 4 * c], this.kernelInitializer),
      controllerRecurrentKernel: add("controller_recurrent_kernel", [c, 4 * c], this.kernelInitializer),
      controllerBias: add("controller_bias", [4 * c], this.biasInitializer),
      headsKernel: add("heads_kernel", [c, this.headParamSize], this.kernelInitializer),
      headsBias: add("heads_bias", [this.headParamSize], this.biasInitializer),
      outputKernel: add("output_kernel", [c + reads, this.outputDim], this.kernelInitializer),
      outputBias: add("output_bias", [this.outputDim], this.biasInitializer),
    };
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(inputShape, NAME);
    return [shape[0] ?? null, shape[1] ?? null, this.outputDim];
  }

  /** Splits [B, h, L] head parameters into squashed addressing parts (+ erase, add for writers). */
  private heads(raw: tf.Tensor3D): Addressing & { erase?: tf.Tensor; add?: tf.Tensor } {
    const m = this.slotSize;
    const shifts = 2 * this.shiftRange + 1;
    const part = (from: number, size: number) => tf.slice(raw, [0, 0, from], [-1, -1, size]);
    const h: Addressing & { erase?: tf.Tensor; add?: tf.Tensor } = {
      k: tf.tanh(part(0, m)),
      beta: tf.softplus(part(m, 1)),
      g: tf.sigmoid(part(m + 1, 1)),
      s: tf.softmax(part(m + 2, shifts), -1),
      gamma: tf.add(1, tf.softplus(part(m + 2 + shifts, 1))),
    };
    if (raw.shape[2] > this.addressingSize) {
      h.erase = tf.sigmoid(part(this.addressingSize, m));
      h.add = tf.tanh(part(this.addressingSize + m, m));
    }
    return h;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs, NAME) as tf.Tensor3D;
      const b = x.shape[0];
      const [n, m, r, wh, c] = [this.memorySlots, this.slotSize, this.readHeads, this.writeHeads, this.controllerUnits];
      const w = this.w!;
      const [wx, wr, bc, whd, bhd, wo, bo] = [w.controllerKernel, w.controllerRecurrentKernel, w.controllerBias, w.headsKernel, w.headsBias, w.outputKernel, w.outputBias].map((v) => v.read());
      const readSize = r * this.addressingSize;
      // Initial state: the contract's constants.
      let h: tf.Tensor = tf.zeros([b, c]);
      let cell: tf.Tensor = tf.zeros([b, c]);
      let mem = tf.fill([b, n, m], MEMORY_INIT) as tf.Tensor3D;
      let reads: tf.Tensor = tf.zeros([b, r * m]);
      const slot0 = tf.oneHot(tf.zeros([b], "int32") as tf.Tensor1D, n).expandDims(1);
      let readW = tf.tile(slot0, [1, r, 1]) as tf.Tensor3D;
      let writeW = tf.tile(slot0, [1, wh, 1]) as tf.Tensor3D;
      const outputs: tf.Tensor[] = [];
      for (const xt of tf.unstack(x, 1)) {
        // 1. LSTM controller, Keras gate order i, f, c, o.
        const z = tf.add(tf.add(tf.matMul(tf.concat([xt, reads], 1), wx!), tf.matMul(h, wr!)), bc!);
        const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        cell = tf.add(tf.mul(tf.sigmoid(zf), cell), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
        h = tf.mul(tf.sigmoid(zo), tf.tanh(cell));
        // 2. Head parameters, read heads first.
        const xi = tf.add(tf.matMul(h, whd!), bhd!);
        const readers = this.heads(tf.slice(xi, [0, 0], [-1, readSize]).reshape([b, r, this.addressingSize]) as tf.Tensor3D);
        const writers = this.heads(tf.slice(xi, [0, readSize], [-1, -1]).reshape([b, wh, this.addressingSize + 2 * m]) as tf.Tensor3D);
        // 3-4. Writers address the previous memory, then erase and add.
        writeW = address(mem, writers, writeW, this.shiftRange);
        let kept: tf.Tensor = mem;
        for (let i = 0; i < wh; i++) {
          const wi = tf.slice(writeW, [0, i, 0], [-1, 1, -1]); // [B, 1, N]
          const ei = tf.slice(writers.erase!, [0, i, 0], [-1, 1, -1]); // [B, 1, M]
          kept = tf.mul(kept, tf.sub(1, tf.matMul(wi, ei, true, false)));
        }
        mem = tf.add(kept, tf.matMul(writeW, writers.add!, true, false)) as tf.Tensor3D;
        // 5. Readers address the new memory.
        readW = address(mem, readers, readW, this.shiftRange);
        reads = tf.matMul(readW, mem).reshape([b, r * m]);
        // 6. Linear output from controller state and reads.
        outputs.push(tf.add(tf.matMul(tf.concat([h, reads], 1), wo!), bo!));
      }
      return tf.stack(outputs, 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      memorySlots: this.memorySlots,
      slotSize: this.slotSize,
      readHeads: this.readHeads,
      writeHeads: this.writeHeads,
      controllerUnits: this.controllerUnits,
      shiftRange: this.shiftRange,
      outputDim: this.outputDim,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }
}

tf.serialization.registerClass(NTMMemory);
