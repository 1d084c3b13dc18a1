"""Vision zoo

Every image layer once, small enough to run in a test.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_zoo()  network "zoo": img Bx12x12x3 -> probs Bx4, gate Bx4, squash Bx4

Train on one machine, on every GPU of this machine, or on several machines:
  python vision-zoo.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
class LocalResponseNormalization(layers.Layer):
    """AlexNet's local response normalization, TensorFlow's definition:
    y[..., c] = x[..., c] / (bias + alpha * sum of x[..., j]^2 for |j - c| <= depth_radius) ** beta."""

    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, x):
        return tf.nn.local_response_normalization(
            x, depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta
        )

    def get_config(self):
        config = super().get_config()
        config.update(depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta)
        return config


def build_zoo():
    """Network "zoo": img Bx12x12x3 -> probs Bx4, gate Bx4, squash Bx4; 3,562 parameters."""
    # Image 12×12: Input 12×12×3
    img = keras.Input(shape=(12, 12, 3), dtype="float32", name="img")
    conv = layers.Conv2D(filters=6, kernel_size=(3, 3), padding="same", activation="relu", name="conv")(img)
    bn = layers.BatchNormalization(momentum=0.9, name="bn")(conv)
    lrn = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="lrn")(bn)
    dw = layers.DepthwiseConv2D(kernel_size=(3, 3), padding="same", depth_multiplier=2, name="dw")(lrn)
    sep = layers.SeparableConv2D(
        filters=8, kernel_size=(3, 3), padding="same", depth_multiplier=1, activation="relu", name="sep",
    )(dw)

    # Block pair (Conv pair, 1,168 parameters)
    pair__a = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", activation="relu", name="pair__a",
    )(sep)
    pair__b = layers.Conv2D(filters=8, kernel_size=(3, 3), padding="same", name="pair__b")(pair__a)

    # Block res (Residual block, 1,216 parameters)
    res__conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res__conv1",
    )(pair__b)
    res__bn1 = layers.BatchNormalization(name="res__bn1")(res__conv1)
    res__relu1 = layers.ReLU(name="res__relu1")(res__bn1)
    res__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res__conv2",
    )(res__relu1)
    res__bn2 = layers.BatchNormalization(name="res__bn2")(res__conv2)
    res__add = layers.Add(name="res__add")([res__bn2, pair__b])
    res__relu_out = layers.ReLU(name="res__relu_out")(res__add)

    pool = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool")(res__relu_out)
    pad = layers.ZeroPadding2D(padding=((1, 1), (2, 2)), name="pad")(pool)
    crop = layers.Cropping2D(cropping=((1, 1), (2, 2)), name="crop")(pad)
    up = layers.UpSampling2D(size=(2, 2), interpolation="bilinear", name="up")(crop)
    deconv = layers.Conv2DTranspose(filters=4, kernel_size=(3, 3), padding="same", name="deconv")(up)
    leaky = layers.LeakyReLU(0.2, name="leaky")(deconv)
    elu = layers.ELU(alpha=1, name="elu")(leaky)
    relu = layers.ReLU(name="relu")(elu)
    sn = layers.SpectralNormalization(
        layers.Conv2D(filters=5, kernel_size=(3, 3), strides=(2, 2), padding="same", activation="relu"),
        power_iterations=1, name="sn",
    )(relu)
    avg = layers.AveragePooling2D(pool_size=(2, 2), strides=(1, 1), padding="same", name="avg")(sn)
    gap = layers.GlobalAveragePooling2D(name="gap")(avg)
    gmp = layers.GlobalMaxPooling2D(name="gmp")(avg)
    cat = layers.Concatenate(axis=-1, name="cat")([gap, gmp])
    d1 = layers.Dense(units=6, activation="tanh", kernel_initializer="glorot_normal", name="d1")(cat)
    d2 = layers.Dense(units=6, kernel_initializer="glorot_normal", name="d2")(cat)
    sum_ = layers.Add(name="sum")([d1, d2])
    prod = layers.Multiply(name="prod")([sum_, d1])
    mean = layers.Average(name="mean")([prod, sum_, d2])
    ln = layers.LayerNormalization(axis=(-1,), epsilon=0.001, center=True, scale=True, name="ln")(mean)
    drop = layers.Dropout(rate=0.3, name="drop")(ln)
    reshape = layers.Reshape(target_shape=(3, 2), name="reshape")(drop)
    perm = layers.Permute(dims=(2, 1), name="perm")(reshape)
    flat = layers.Flatten(name="flat")(perm)
    logits = layers.Dense(units=4, kernel_initializer="glorot_normal", name="logits")(flat)
    probs = layers.Softmax(axis=-1, name="probs")(logits)
    gate = layers.Activation(activation="sigmoid", name="gate")(logits)
    squash = layers.Activation(activation="tanh", name="squash")(logits)
    return keras.Model(inputs=[img], outputs=[probs, gate, squash], name="zoo")


def training_model_zoo(model):
    """The network with only the outputs that have a loss (probs, gate, squash), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0, 1, 2]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, global_clipnorm=1, weight_decay=0.001)
    optimizer.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])
    trainable.compile(
        optimizer=optimizer,
        loss=["categorical_crossentropy", "binary_crossentropy", "mean_squared_error"],
        loss_weights=[1, 0.5, 0.25],
    )
    return trainable


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train Vision zoo as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named img, probs, gate, squash (one row per example)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=4, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="vision-zoo.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_zoo()
        trainable = training_model_zoo(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["img"])
    targets = tuple(data[name] for name in ["probs", "gate", "squash"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
