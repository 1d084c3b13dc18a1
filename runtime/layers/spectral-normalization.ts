/**
 * SpectralNormalization (Miyato et al. 2018) wrapping a Dense or Conv2D; the contract is the
 * file-top comment of graph-ir/layers/spectral.ts, config as Keras 3 writes it:
 * { layer: { className, config }, powerIterations }.
 *
 * The wrapped layer is built from its config only to validate and normalise that config and to
 * compute shapes; this layer owns the weights (kernel, bias, then u) and runs the Dense or
 * Conv2D forward itself with kernel / sigma. Training calls (kwargs.training) run the power
 * iteration and store the new u; other calls use the stored u: v = l2norm(u·Wmᵀ),
 * sigma = v·Wm·uᵀ. u and v are held constant for the gradient (as Keras does); with u fixed
 * this is the exact gradient of ‖Wm·uᵀ‖.
 */
import * as tf from "../tf.js";
import {
  activation, initializer, intParam, single, singleShape, stopGradient,
  type Activation, type Config, type Initializer, type Kwargs, type LayerArgs, type LayerShape,
} from "./config.js";

const NAME = "SpectralNormalization";
const WRAPPABLE = ["Dense", "Conv2D"] as const;
type Wrapped = (typeof WRAPPABLE)[number];

/** Keras's normalize: x / sqrt(max(Σx², 1e-12)). */
const l2normalize = (x: tf.Tensor) => tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x)), 1e-12)));

interface ConvGeometry {
  strides: [number, number];
  padding: "valid" | "same";
  dilations: [number, number];
}

export class SpectralNormalization extends tf.layers.Layer {
  static readonly className = NAME;
  readonly powerIterations: number;
  readonly wrappedClass: Wrapped;
  /** Holds the wrapped layer's normalised config and its shape rule; never called, never built. */
  private readonly inner: tf.layers.Layer;
  private readonly units: number;
  private readonly useBias: boolean;
  private readonly act: Activation;
  private readonly conv?: ConvGeometry;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;
  private u?: tf.LayerVariable;

  constructor(args: LayerArgs & Config) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    this.powerIterations = intParam(args, "powerIterations", where, 1);
    const spec = args["layer"] as { className?: unknown; config?: Config } | undefined;
    const className = spec?.className;
    if (!WRAPPABLE.includes(className as Wrapped)) {
      throw new Error(`${where} wraps ${className === undefined ? "no layer" : `"${String(className)}"`}; it can wrap Dense or Conv2D (config.layer = { className, config })`);
    }
    this.wrappedClass = className as Wrapped;
    const innerArgs = { ...(spec?.config ?? {}) };
    // Regularizers and constraints would attach to a layer that is not in the model and be lost.
    for (const key of ["kernelRegularizer", "biasRegularizer", "activityRegularizer", "kernelConstraint", "biasConstraint"]) {
      if (innerArgs[key] != null) throw new Error(`${where}: the wrapped ${className} sets ${key}, which SpectralNormalization does not support; remove it`);
    }
    this.inner = this.wrappedClass === "Dense"
      ? tf.layers.dense(innerArgs as unknown as Parameters<typeof tf.layers.dense>[0])
      : tf.layers.conv2d(innerArgs as unknown as Parameters<typeof tf.layers.conv2d>[0]);
    const cfg = this.inner.getConfig();
    this.units = (this.wrappedClass === "Dense" ? cfg["units"] : cfg["filters"]) as number;
    this.useBias = cfg["useBias"] as boolean;
    this.act = activation(cfg["activation"], where);
    this.kernelInitializer = initializer(cfg["kernelInitializer"], () => tf.initializers.glorotUniform({}), where, "kernelInitializer");
    this.biasInitializer = initializer(cfg["biasInitializer"], () => tf.initializers.zeros(), where, "biasInitializer");
    if (this.wrappedClass === "Conv2D") {
      if (cfg["dataFormat"] !== "channelsLast") throw new Error(`${where}: the wrapped Conv2D must be channels_last (batch×height×width×channels)`);
      const padding = cfg["padding"];
      if (padding !== "valid" && padding !== "same") throw new Error(`${where}: the wrapped Conv2D padding must be "valid" or "same", got "${String(padding)}"`);
      this.conv = { strides: cfg["strides"] as [number, number], padding, dilations: cfg["dilationRate"] as [number, number] };
    }
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(inputShape, NAME);
    const channels = shape[shape.length - 1];
    if (channels == null) throw new Error(`${NAME} "${this.name}" needs a known size on the last axis of its input to size the kernel, got [${shape.join(", ")}]`);
    const kernelShape = this.wrappedClass === "Dense" ? [channels, this.units] : [...(this.inner.getConfig()["kernelSize"] as number[]), channels, this.units];
    this.kernel = this.addWeight("kernel", kernelShape, "float32", this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight("bias", [this.units], "float32", this.biasInitializer);
    this.u = this.addWeight("u", [1, this.units], "float32", tf.initializers.randomNormal({ mean: 0, stddev: 1 }), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return this.inner.computeOutputShape(inputShape);
  }

  /** The kernel divided by its estimated largest singular value; updates u when training. */
  normalizedKernel(training: boolean): tf.Tensor {
    return tf.tidy(() => {
      const kernel = this.kernel!.read();
      const wm = kernel.reshape([-1, this.units]);
      let u: tf.Tensor = this.u!.read();
      let v = l2normalize(tf.matMul(u, wm, false, true));
      if (training) {
        for (let i = 0; i < this.powerIterations; i++) {
          if (i > 0) v = l2normalize(tf.matMul(u, wm, false, true));
          u = l2normalize(tf.matMul(v, wm));
        }
        this.u!.write(u);
      }
      u = stopGradient(u);
      v = stopGradient(v);
      const sigma = tf.matMul(tf.matMul(v, wm), u, false, true).reshape([]);
      return tf.div(kernel, sigma);
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs, NAME);
      const kernel = this.normalizedKernel(kwargs["training"] === true);
      let y: tf.Tensor;
      if (this.conv) {
        y = tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, this.conv.strides, this.conv.padding, "NHWC", this.conv.dilations);
      } else {
        const features = x.shape[x.shape.length - 1]!;
        y = tf.matMul(x.reshape([-1, features]), kernel).reshape([...x.shape.slice(0, -1), this.units]);
      }
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.act.apply(y);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), layer: { className: this.wrappedClass, config: this.inner.getConfig() }, powerIterations: this.powerIterations };
  }
}

tf.serialization.registerClass(SpectralNormalization);
