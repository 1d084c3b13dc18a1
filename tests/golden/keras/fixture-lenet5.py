"""LeNet-5

LeCun et al. 1998: two tanh convolutions with average pooling, then 120-84-10 fully connected. C5 is
a Dense layer after Flatten, which on a 5×5 map equals the paper's 5×5 convolution. Classic total:
61,706 parameters.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_lenet()  network "lenet": image Bx32x32x1 -> output Bx10

Train on one machine, on every GPU of this machine, or on several machines:
  python lenet-5.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_lenet():
    """Network "lenet": image Bx32x32x1 -> output Bx10; 61,706 parameters."""
    # 32×32 digit: Input 32×32×1
    image = keras.Input(shape=(32, 32, 1), dtype="float32", name="image")
    # C1: Conv 2D 6@5x5 s1 valid tanh
    c1 = layers.Conv2D(filters=6, kernel_size=(5, 5), activation="tanh", name="c1")(image)
    # S2: Average pooling 2D 2x2 s2 valid
    s2 = layers.AveragePooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="s2")(c1)
    # C3: Conv 2D 16@5x5 s1 valid tanh
    c3 = layers.Conv2D(filters=16, kernel_size=(5, 5), activation="tanh", name="c3")(s2)
    # S4: Average pooling 2D 2x2 s2 valid
    s4 = layers.AveragePooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="s4")(c3)
    flatten = layers.Flatten(name="flatten")(s4)
    # C5: Dense 120 tanh
    c5 = layers.Dense(units=120, activation="tanh", kernel_initializer="glorot_normal", name="c5")(flatten)
    # F6: Dense 84 tanh
    f6 = layers.Dense(units=84, activation="tanh", kernel_initializer="glorot_normal", name="f6")(c5)
    # Output: Dense 10 softmax
    output = layers.Dense(
        units=10, activation="softmax", kernel_initializer="glorot_normal", name="output",
    )(f6)
    return keras.Model(inputs=[image], outputs=[output], name="lenet")


def training_model_lenet(model):
    """The network with only the outputs that have a loss (output), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
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
    parser = argparse.ArgumentParser(description="Train LeNet-5 as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, output (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="lenet-5.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_lenet()
        trainable = training_model_lenet(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["output"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
