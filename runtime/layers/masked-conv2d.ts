/**
 * MaskedConv2D (PixelCNN): the contract is the file-top comment of
 * graph-ir/layers/autoregressive.ts. y = act(conv2d(x, kernel · mask, stride 1, "same") + bias),
 * the mask zero at and after the kernel's centre in raster order (type A) or after it (type B).
 *
 * The kernel variable keeps all k·k taps (Conv2D's layout, so weights move between the two);
 * the mask multiplies it inside the forward pass, so masked taps get zero gradient and never
 * change what the layer computes, whatever the optimiser or weight decay does to them.
 */
import * as tf from "../tf.js";
import {
  activation, boolParam, initializer, intParam, serializeInitializer, single, singleShape,
  type Activation, type Config, type Initializer, type Kwargs, type LayerArgs, type LayerShape,
} from "./config.js";

const NAME = "MaskedConv2D";

/** A k×k size from a config (k or [k, k]); only square, odd kernels have a centre pixel. */
function squareKernel(config: Config, where: string): number {
  const v = config["kernelSize"];
  const list = Array.isArray(v) ? v : [v, v];
  if (list.length !== 2 || list[0] !== list[1]) throw new Error(`${where} needs a square kernel (k or [k, k]), got ${JSON.stringify(v)}`);
  const k = intParam({ kernelSize: list[0] }, "kernelSize", where);
  if (k % 2 === 0) throw new Error(`${where} needs an odd kernel size so the kernel has a centre pixel, got ${k}`);
  return k;
}

/** 1 where a tap may see its input, as [k, k, 1, 1] to broadcast over the channels. */
function maskTensor(k: number, type: "A" | "B"): tf.Tensor4D {
  const c = (k - 1) / 2;
  const values = new Float32Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let s = 0; s < k; s++) values[r * k + s] = r < c || (r === c && (s < c || (s === c && type === "B"))) ? 1 : 0;
  }
  return tf.tensor4d(values, [k, k, 1, 1]);
}

export class MaskedConv2D extends tf.layers.Layer {
  static readonly className = NAME;
  readonly filters: number;
  readonly kernelSize: number;
  readonly maskType: "A" | "B";
  readonly useBias: boolean;
  private readonly act: Activation;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private readonly mask: tf.Tensor4D;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: LayerArgs & Config) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    this.filters = intParam(args, "filters", where);
    this.kernelSize = squareKernel(args, where);
    for (const key of ["strides", "dilationRate"]) {
      const v = args[key];
      const list: unknown[] = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
      if (!list.every((d) => d === 1)) throw new Error(`${where} only works with ${key} 1 (got ${JSON.stringify(args[key])}): every pixel needs its own prediction`);
    }
    const padding = args["padding"] ?? "same";
    if (padding !== "same") throw new Error(`${where} always pads "same" so the output has the input's size, got padding "${String(padding)}"`);
    const type = args["maskType"] ?? "B";
    if (type !== "A" && type !== "B" && type !== "a" && type !== "b") throw new Error(`${where} "maskType" must be "A" (first layer) or "B" (later layers), got ${JSON.stringify(type)}`);
    this.maskType = type.toUpperCase() as "A" | "B";
    this.useBias = boolParam(args, "useBias", where, true);
    this.act = activation(args["activation"], where);
    this.kernelInitializer = initializer(args["kernelInitializer"], () => tf.initializers.glorotUniform({}), where, "kernelInitializer");
    this.biasInitializer = initializer(args["biasInitializer"], () => tf.initializers.zeros(), where, "biasInitializer");
    // Kept for the layer's lifetime, like a weight; tidy() must not take it.
    this.mask = tf.keep(maskTensor(this.kernelSize, this.maskType));
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(inputShape, NAME);
    const channels = shape[3];
    if (shape.length !== 4 || channels == null) {
      throw new Error(`${NAME} "${this.name}" expects batch×height×width×channels with a known channel count, got [${shape.join(", ")}]`);
    }
    this.kernel = this.addWeight("kernel", [this.kernelSize, this.kernelSize, channels, this.filters], "float32", this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight("bias", [this.filters], "float32", this.biasInitializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(inputShape, NAME);
    return [shape[0] ?? null, shape[1] ?? null, shape[2] ?? null, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs, NAME) as tf.Tensor4D;
      const w = tf.mul(this.kernel!.read(), this.mask) as tf.Tensor4D;
      let y: tf.Tensor = tf.conv2d(x, w, 1, "same");
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.act.apply(y);
    });
  }

  override dispose(): ReturnType<tf.layers.Layer["dispose"]> {
    const result = super.dispose();
    if (result.refCountAfterDispose === 0 && !this.mask.isDisposed) this.mask.dispose();
    return result;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: [this.kernelSize, this.kernelSize],
      strides: [1, 1],
      padding: "same",
      dataFormat: "channelsLast",
      dilationRate: [1, 1],
      maskType: this.maskType,
      activation: this.act.name,
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }
}

tf.serialization.registerClass(MaskedConv2D);
