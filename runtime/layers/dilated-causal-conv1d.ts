/**
 * DilatedCausalConv1D (WaveNet, TCN): the contract is the file-top comment of
 * graph-ir/layers/causal.ts. y[t] = act(bias + Σ_i x[t − (k−1−i)·d] · kernel[i]), x[t<0] = 0.
 *
 * tfjs 4.22 has no gradient for convolutions with dilation > 1, so the convolution is written
 * as one matMul over the k taps side by side (im2col): tap i is x delayed by (k−1−i)·d steps.
 * Taps delayed by the whole sequence or more only see padding and are left out.
 */
import * as tf from "../tf.js";
import {
  activation, boolParam, initializer, intParam, serializeInitializer, single, singleShape,
  type Activation, type Config, type Initializer, type Kwargs, type LayerArgs, type LayerShape,
} from "./config.js";

const NAME = "DilatedCausalConv1D";

export class DilatedCausalConv1D extends tf.layers.Layer {
  static readonly className = NAME;
  readonly filters: number;
  readonly kernelSize: number;
  readonly dilationRate: number;
  readonly useBias: boolean;
  private readonly act: Activation;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: LayerArgs & Config) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    this.filters = intParam(args, "filters", where);
    this.kernelSize = intParam(args, "kernelSize", where);
    this.dilationRate = intParam(args, "dilationRate", where, 1);
    const strides = intParam(args, "strides", where, 1);
    if (strides !== 1) throw new Error(`${where} needs strides 1 (got ${strides}): a causal convolution keeps the sequence length; downsample with a pooling layer instead`);
    const padding = args["padding"] ?? "causal";
    if (padding !== "causal") throw new Error(`${where} only pads causally, got padding "${String(padding)}"; use Conv1D for "valid" or "same"`);
    this.useBias = boolParam(args, "useBias", where, true);
    this.act = activation(args["activation"], where);
    this.kernelInitializer = initializer(args["kernelInitializer"], () => tf.initializers.glorotUniform({}), where, "kernelInitializer");
    this.biasInitializer = initializer(args["biasInitializer"], () => tf.initializers.zeros(), where, "biasInitializer");
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(inputShape, NAME);
    const channels = shape[2];
    if (shape.length !== 3 || channels == null) {
      throw new Error(`${NAME} "${this.name}" expects batch×time×channels with a known channel count, got [${shape.join(", ")}]`);
    }
    this.kernel = this.addWeight("kernel", [this.kernelSize, channels, this.filters], "float32", this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight("bias", [this.filters], "float32", this.biasInitializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(inputShape, NAME);
    return [shape[0] ?? null, shape[1] ?? null, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs, NAME) as tf.Tensor3D;
      const [b, t, c] = x.shape;
      const kernel = this.kernel!.read();
      const taps: tf.Tensor[] = [];
      const rows: tf.Tensor[] = [];
      for (let i = 0; i < this.kernelSize; i++) {
        const delay = (this.kernelSize - 1 - i) * this.dilationRate;
        if (delay >= t) continue;
        taps.push(delay === 0 ? x : tf.pad(tf.slice(x, [0, 0, 0], [b, t - delay, c]), [[0, 0], [delay, 0], [0, 0]]));
        rows.push(tf.slice(kernel, [i, 0, 0], [1, c, this.filters]));
      }
      const stacked = taps.length === 1 ? taps[0]! : tf.concat(taps, 2);
      const w = (rows.length === 1 ? rows[0]! : tf.concat(rows, 0)).reshape([rows.length * c, this.filters]);
      let y: tf.Tensor = tf.matMul(stacked.reshape([b * t, taps.length * c]), w).reshape([b, t, this.filters]);
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.act.apply(y);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: [this.kernelSize],
      strides: [1],
      padding: "causal",
      dilationRate: [this.dilationRate],
      activation: this.act.name,
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }
}

tf.serialization.registerClass(DilatedCausalConv1D);
