"""1×1 bottlenecks (mini)

Two small shape classifiers with the same stem: one ends in a naive module, the other in an
inception module with 1×1 reductions, each followed by Network-in-Network style global average
pooling. Train either and compare their parameters and accuracy.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> probs Bx3
  build_naive()  network "naive": image Bx32x32x3 -> naive_probs Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python 1-1-bottlenecks-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_net():
    """Network "net": image Bx32x32x3 -> probs Bx3; 9,623 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    stem = layers.Conv2D(
        filters=32, kernel_size=(5, 5), strides=(2, 2), padding="same", use_bias=False, name="stem",
    )(image)
    stem_bn = layers.BatchNormalization(name="stem_bn")(stem)
    stem_relu = layers.ReLU(name="stem_relu")(stem_bn)
    stem_pool = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="stem_pool",
    )(stem_relu)

    # Block inception (Inception module, 6,900 parameters)
    inception__b1_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b1_1x1",
    )(stem_pool)
    inception__b2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b2_reduce",
    )(stem_pool)
    inception__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b3_reduce",
    )(stem_pool)
    inception__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inception__b4_pool",
    )(stem_pool)
    inception__b2_3x3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="inception__b2_3x3",
    )(inception__b2_reduce)
    inception__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inception__b3_5x5",
    )(inception__b3_reduce)
    inception__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b4_proj",
    )(inception__b4_pool)
    inception__concat = layers.Concatenate(
        axis=-1, name="inception__concat",
    )([inception__b1_1x1, inception__b2_3x3, inception__b3_5x5, inception__b4_proj])

    gap = layers.GlobalAveragePooling2D(name="gap")(inception__concat)
    # Bottleneck classifier: Dense 3 softmax
    probs = layers.Dense(units=3, activation="softmax", kernel_initializer="glorot_normal", name="probs")(gap)
    return keras.Model(inputs=[image], outputs=[probs], name="net")


def build_naive():
    """Network "naive": image Bx32x32x3 -> naive_probs Bx3; 18,979 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    stem = layers.Conv2D(
        filters=32, kernel_size=(5, 5), strides=(2, 2), padding="same", use_bias=False, name="stem",
    )(image)
    stem_bn = layers.BatchNormalization(name="stem_bn")(stem)
    stem_relu = layers.ReLU(name="stem_relu")(stem_bn)
    stem_pool = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="stem_pool",
    )(stem_relu)
    # 1×1: Conv 2D 16@1x1 s1 same relu
    naive_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="naive_1x1",
    )(stem_pool)
    # 3×3 on every channel: Conv 2D 32@3x3 s1 same relu
    naive_3x3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="naive_3x3",
    )(stem_pool)
    # 5×5 on every channel: Conv 2D 8@5x5 s1 same relu
    naive_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="naive_5x5",
    )(stem_pool)
    # 3×3 max pool: Max pooling 2D 3x3 s1 same
    naive_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="naive_pool",
    )(stem_pool)
    # Naive module output: Concatenate 4 inputs
    naive_concat = layers.Concatenate(
        axis=-1, name="naive_concat",
    )([naive_1x1, naive_3x3, naive_5x5, naive_pool])
    naive_gap = layers.GlobalAveragePooling2D(name="naive_gap")(naive_concat)
    # Naive classifier: Dense 3 softmax
    naive_probs = layers.Dense(
        units=3, activation="softmax", kernel_initializer="glorot_normal", name="naive_probs",
    )(naive_gap)
    return keras.Model(inputs=[image], outputs=[naive_probs], name="naive")


def training_model_net(model):
    """The network with only the outputs that have a loss (probs), compiled with
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
    parser = argparse.ArgumentParser(description="Train 1×1 bottlenecks (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, probs (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="1-1-bottlenecks-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["probs"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
