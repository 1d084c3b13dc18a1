"""TCN (mini)

Three temporal blocks (16 channels, kernel 3, dilations 1, 2, 4) predict the next value of a sine
wave at every step; each output sees the 29 values up to it.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": signal Bx32x1 -> next Bx32x1

Train on one machine, on every GPU of this machine, or on several machines:
  python tcn-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": signal Bx32x1 -> next Bx32x1; 4,033 parameters."""
    # Signal: Input 32×1
    signal = keras.Input(shape=(32, 1), dtype="float32", name="signal")

    # Block level1 (Temporal block (1×1 shortcut) "d1", 880 parameters)
    level1__conv1 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", activation="relu", name="level1__conv1",
    )(signal)
    level1__shortcut = layers.Conv1D(filters=16, kernel_size=(1,), name="level1__shortcut")(signal)
    level1__drop1 = layers.Dropout(rate=0, name="level1__drop1")(level1__conv1)
    level1__conv2 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", activation="relu", name="level1__conv2",
    )(level1__drop1)
    level1__drop2 = layers.Dropout(rate=0, name="level1__drop2")(level1__conv2)
    level1__add = layers.Add(name="level1__add")([level1__drop2, level1__shortcut])
    level1__relu = layers.ReLU(name="level1__relu")(level1__add)

    # Block level2 (Temporal block "d2", 1,568 parameters)
    level2__conv1 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", dilation_rate=(2,), activation="relu",
        name="level2__conv1",
    )(level1__relu)
    level2__drop1 = layers.Dropout(rate=0, name="level2__drop1")(level2__conv1)
    level2__conv2 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", dilation_rate=(2,), activation="relu",
        name="level2__conv2",
    )(level2__drop1)
    level2__drop2 = layers.Dropout(rate=0, name="level2__drop2")(level2__conv2)
    level2__add = layers.Add(name="level2__add")([level2__drop2, level1__relu])
    level2__relu = layers.ReLU(name="level2__relu")(level2__add)

    # Block level3 (Temporal block "d4", 1,568 parameters)
    level3__conv1 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", dilation_rate=(4,), activation="relu",
        name="level3__conv1",
    )(level2__relu)
    level3__drop1 = layers.Dropout(rate=0, name="level3__drop1")(level3__conv1)
    level3__conv2 = layers.Conv1D(
        filters=16, kernel_size=(3,), padding="causal", dilation_rate=(4,), activation="relu",
        name="level3__conv2",
    )(level3__drop1)
    level3__drop2 = layers.Dropout(rate=0, name="level3__drop2")(level3__conv2)
    level3__add = layers.Add(name="level3__add")([level3__drop2, level2__relu])
    level3__relu = layers.ReLU(name="level3__relu")(level3__add)

    # Next value: Dense 1
    next = layers.Dense(units=1, kernel_initializer="glorot_normal", name="next")(level3__relu)
    return keras.Model(inputs=[signal], outputs=[next], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (next), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999)
    trainable.compile(
        optimizer=optimizer,
        loss=["mean_squared_error"],
        loss_weights=[1],
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
    parser = argparse.ArgumentParser(description="Train TCN (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named signal, next (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="tcn-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["signal"])
    targets = tuple(data[name] for name in ["next"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
