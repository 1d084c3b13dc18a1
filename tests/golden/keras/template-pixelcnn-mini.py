"""PixelCNN (mini)

PixelCNN in miniature: the shipped digits shrunk to 14×14 and binarised, a 5×5 mask-A convolution of
16 filters, one residual block with a masked 3×3, a masked 1×1 and a sigmoid per pixel.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_pixelcnn()  network "pixelcnn": image Bx14x14x1 -> pixel Bx14x14x1

Train on one machine, on every GPU of this machine, or on several machines:
  python pixelcnn-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
For multiworker, start the script on every machine with TF_CONFIG describing the cluster
(https://www.tensorflow.org/guide/distributed_training). --batch-size is per replica.
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


@keras.saving.register_keras_serializable(package="layerloom")
class MaskedConv2D(layers.Layer):
    """PixelCNN's masked convolution: stride 1, "same" padding, the kernel zeroed at and after its
    centre in raster order (mask_type "A") or after it ("B"). Weights as Conv2D: kernel, bias."""

    def __init__(self, filters, kernel_size=3, mask_type="B", activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros", **kwargs):
        for key in ("strides", "padding", "dilation_rate", "data_format"):
            kwargs.pop(key, None)
        super().__init__(**kwargs)
        self.filters = filters
        self.kernel_size = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
        self.mask_type = mask_type
        self.activation = keras.activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)

    def build(self, input_shape):
        k = self.kernel_size
        c = (k - 1) // 2
        self.kernel = self.add_weight(name="kernel", shape=(k, k, input_shape[-1], self.filters),
                                      initializer=self.kernel_initializer, trainable=True)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.filters,), initializer=self.bias_initializer, trainable=True)
        mask = [[1.0 if r < c or (r == c and (s < c or (s == c and self.mask_type == "B"))) else 0.0
                 for s in range(k)] for r in range(k)]
        self.mask = tf.reshape(tf.constant(mask), (k, k, 1, 1))

    def call(self, x):
        y = tf.nn.conv2d(x, self.kernel * self.mask, strides=1, padding="SAME")
        if self.use_bias:
            y = y + self.bias
        return self.activation(y)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.filters)

    def get_config(self):
        config = super().get_config()
        config.update(
            filters=self.filters, kernel_size=(self.kernel_size, self.kernel_size), mask_type=self.mask_type,
            activation=keras.activations.serialize(self.activation), use_bias=self.use_bias,
            kernel_initializer=keras.initializers.serialize(self.kernel_initializer),
            bias_initializer=keras.initializers.serialize(self.bias_initializer),
        )
        return config


def build_pixelcnn():
    """Network "pixelcnn": image Bx14x14x1 -> pixel Bx14x14x1; 2,281 parameters."""
    # Binarised digit: Input 14×14×1
    image = keras.Input(shape=(14, 14, 1), dtype="float32", name="image")
    # Mask A 5×5: Masked conv 2D 16@5x5 mask A relu
    masked_a = MaskedConv2D(
        filters=16, kernel_size=(5, 5), strides=(1, 1), padding="same", dilation_rate=(1, 1), mask_type="A",
        activation="relu", name="masked_a",
    )(image)
    res1_relu = layers.ReLU(name="res1_relu")(masked_a)
    res1_in = layers.Conv2D(filters=16, kernel_size=(1, 1), activation="relu", name="res1_in")(res1_relu)
    res1_masked = MaskedConv2D(
        filters=8, kernel_size=(3, 3), strides=(1, 1), padding="same", dilation_rate=(1, 1), mask_type="B",
        activation="relu", name="res1_masked",
    )(res1_in)
    res1_out = layers.Conv2D(filters=16, kernel_size=(1, 1), activation="relu", name="res1_out")(res1_masked)
    # Residual sum: Add
    res1_add = layers.Add(name="res1_add")([masked_a, res1_out])
    head1 = MaskedConv2D(
        filters=16, kernel_size=(1, 1), strides=(1, 1), padding="same", dilation_rate=(1, 1), mask_type="B",
        activation="relu", name="head1",
    )(res1_add)
    # P(white | pixels before): Conv 2D 1@1x1 s1 valid sigmoid
    pixel = layers.Conv2D(filters=1, kernel_size=(1, 1), activation="sigmoid", name="pixel")(head1)
    return keras.Model(inputs=[image], outputs=[pixel], name="pixelcnn")


# The autoregressive recipe's settings (training.options; the runtime's defaults where unset).
THRESHOLD = 0.5  # training.options.threshold: grey values above it are white
DOWNSCALE = 2  # training.options.downscale: images shrink by this factor first


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def pixel_targets(images):
    """Dataset images (values in [0, 1]) -> what the network sees, as it will see its own samples, and the target
    it predicts at every pixel: pixels binarised at THRESHOLD."""
    # Each DOWNSCALE×DOWNSCALE block becomes its mean.
    x = tf.nn.avg_pool2d(images, DOWNSCALE, DOWNSCALE, "VALID") if DOWNSCALE > 1 else images
    binary = tf.cast(x > THRESHOLD, tf.float32)
    return binary, binary


def pixel_nll(out, target):
    """Each image's mean negative log-likelihood per pixel and channel, in nats, under the probabilities of 'pixel'."""
    p = tf.clip_by_value(out, 1e-7, 1 - 1e-7)
    return -tf.reduce_mean(target * tf.math.log(p) + (1.0 - target) * tf.math.log(1.0 - p), axis=[1, 2, 3])


def pixel_losses(model, batch, training=False):
    """This replica's share of the batch's loss in nats per dimension (and in bits)."""
    (images,) = batch
    inputs, target = pixel_targets(images)
    loss = tf.nn.compute_average_loss(pixel_nll(outputs_of(model, inputs, training)[0], target))
    return {"loss": loss, "bits_per_dim": loss / np.log(2.0)}


def distributed_train_step(strategy, model, optimizer, losses_fn):
    """One update on every replica as a compiled function. Each replica's losses are its share of the
    global batch's (divided by the global batch, or the global count they are averaged over), so the
    gradients the optimizer sums over replicas, and the losses summed here, are the whole batch's."""

    def update(batch):
        with tf.GradientTape() as tape:
            losses = losses_fn(model, batch, training=True)
        grads = tape.gradient(losses["loss"], model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        return losses

    @tf.function
    def step(batch):
        losses = strategy.run(update, args=(batch,))
        return {name: strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None) for name, value in losses.items()}

    return step


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train PixelCNN (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named images of images, values in [0, 1], of 28x28x1 (shrunk 2 times)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="pixelcnn-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_pixelcnn()
        optimizer = keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999)
    data = np.load(args.data)
    examples = (data["images"].astype(np.float32),)
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    step = distributed_train_step(strategy, model, optimizer, pixel_losses)
    for epoch in range(args.epochs):
        sums, batches = {}, 0
        for batch in dataset:
            for name, value in step(batch).items():
                sums[name] = sums.get(name, 0.0) + float(value)
            batches += 1
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {total / batches:.4f}" for name, total in sums.items()))
    model.save(args.save)


if __name__ == "__main__":
    main()
