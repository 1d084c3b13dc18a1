"""AlexNet (mini)

AlexNet's two-tower layout scaled to 32×32 shapes: the same layers, LRN and overlapping pooling with
a sixth of the filters (conv1 is 5×5/2 with same padding so the maps stay large enough), 3 classes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> fc8 Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python alexnet-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_net():
    """Network "net": image Bx32x32x3 -> fc8 Bx3; 60,003 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # conv1 (GPU 1): Conv 2D 8@5x5 s2 same relu
    conv1_a = layers.Conv2D(
        filters=8, kernel_size=(5, 5), strides=(2, 2), padding="same", activation="relu", name="conv1_a",
    )(image)
    # conv1 (GPU 2): Conv 2D 8@5x5 s2 same relu
    conv1_b = layers.Conv2D(
        filters=8, kernel_size=(5, 5), strides=(2, 2), padding="same", activation="relu", name="conv1_b",
    )(image)
    norm1_a = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1_a",
    )(conv1_a)
    norm1_b = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1_b",
    )(conv1_b)
    pool1_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool1_a")(norm1_a)
    pool1_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool1_b")(norm1_b)
    # conv2 (GPU 1): Conv 2D 16@5x5 s1 same relu
    conv2_a = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="conv2_a",
    )(pool1_a)
    # conv2 (GPU 2): Conv 2D 16@5x5 s1 same relu
    conv2_b = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="conv2_b",
    )(pool1_b)
    norm2_a = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2_a",
    )(conv2_a)
    norm2_b = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2_b",
    )(conv2_b)
    pool2_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool2_a")(norm2_a)
    pool2_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool2_b")(norm2_b)
    # GPUs exchange: Concatenate
    merge2 = layers.Concatenate(axis=-1, name="merge2")([pool2_a, pool2_b])
    # conv3 (GPU 1): Conv 2D 24@3x3 s1 same relu
    conv3_a = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv3_a",
    )(merge2)
    # conv3 (GPU 2): Conv 2D 24@3x3 s1 same relu
    conv3_b = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv3_b",
    )(merge2)
    # conv4 (GPU 1): Conv 2D 24@3x3 s1 same relu
    conv4_a = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv4_a",
    )(conv3_a)
    # conv4 (GPU 2): Conv 2D 24@3x3 s1 same relu
    conv4_b = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv4_b",
    )(conv3_b)
    # conv5 (GPU 1): Conv 2D 16@3x3 s1 same relu
    conv5_a = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", activation="relu", name="conv5_a",
    )(conv4_a)
    # conv5 (GPU 2): Conv 2D 16@3x3 s1 same relu
    conv5_b = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", activation="relu", name="conv5_b",
    )(conv4_b)
    pool5_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool5_a")(conv5_a)
    pool5_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool5_b")(conv5_b)
    merge5 = layers.Concatenate(axis=-1, name="merge5")([pool5_a, pool5_b])
    flatten = layers.Flatten(name="flatten")(merge5)
    fc6 = layers.Dense(units=128, activation="relu", kernel_initializer="glorot_normal", name="fc6")(flatten)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    fc7 = layers.Dense(units=128, activation="relu", kernel_initializer="glorot_normal", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # Classifier: Dense 3 softmax
    fc8 = layers.Dense(units=3, activation="softmax", kernel_initializer="glorot_normal", name="fc8")(drop7)
    return keras.Model(inputs=[image], outputs=[fc8], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (fc8), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.003, beta_1=0.9, beta_2=0.999)
    trainable.compile(
        optimizer=optimizer,
        loss=["categorical_crossentropy"],
        loss_weights=[1],
        metrics=["accuracy"],
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
    parser = argparse.ArgumentParser(description="Train AlexNet (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, fc8 (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="alexnet-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["fc8"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
