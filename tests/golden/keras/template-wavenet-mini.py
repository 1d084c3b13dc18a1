"""WaveNet (mini)

Four gated residual layers (dilations 1, 2, 4, 8; 16 channels) after a causal convolution predict
the next value of a sine wave at every step, each step seeing the 17 values up to it.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": signal Bx32x1 -> next Bx32x1

Train on one machine, on every GPU of this machine, or on several machines:
  python wavenet-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": signal Bx32x1 -> next Bx32x1; 6,465 parameters."""
    # Signal: Input 32×1
    signal = keras.Input(shape=(32, 1), dtype="float32", name="signal")
    # Causal conv: Dilated causal conv 1D 16@2 d1
    causal = layers.Conv1D(filters=16, kernel_size=(2,), padding="causal", name="causal")(signal)

    # Block layer1 (Gated residual layer "d1", 1,600 parameters)
    layer1__filter = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", activation="tanh", name="layer1__filter",
    )(causal)
    layer1__gate = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", activation="sigmoid", name="layer1__gate",
    )(causal)
    layer1__gated = layers.Multiply(name="layer1__gated")([layer1__filter, layer1__gate])
    layer1__residual = layers.Conv1D(filters=16, kernel_size=(1,), name="layer1__residual")(layer1__gated)
    layer1__skip = layers.Conv1D(filters=16, kernel_size=(1,), name="layer1__skip")(layer1__gated)
    layer1__add = layers.Add(name="layer1__add")([causal, layer1__residual])

    # Block layer2 (Gated residual layer "d2", 1,600 parameters)
    layer2__filter = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="tanh",
        name="layer2__filter",
    )(layer1__add)
    layer2__gate = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="sigmoid",
        name="layer2__gate",
    )(layer1__add)
    layer2__gated = layers.Multiply(name="layer2__gated")([layer2__filter, layer2__gate])
    layer2__residual = layers.Conv1D(filters=16, kernel_size=(1,), name="layer2__residual")(layer2__gated)
    layer2__skip = layers.Conv1D(filters=16, kernel_size=(1,), name="layer2__skip")(layer2__gated)
    layer2__add = layers.Add(name="layer2__add")([layer1__add, layer2__residual])

    # Block layer3 (Gated residual layer "d4", 1,600 parameters)
    layer3__filter = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="tanh",
        name="layer3__filter",
    )(layer2__add)
    layer3__gate = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="sigmoid",
        name="layer3__gate",
    )(layer2__add)
    layer3__gated = layers.Multiply(name="layer3__gated")([layer3__filter, layer3__gate])
    layer3__residual = layers.Conv1D(filters=16, kernel_size=(1,), name="layer3__residual")(layer3__gated)
    layer3__skip = layers.Conv1D(filters=16, kernel_size=(1,), name="layer3__skip")(layer3__gated)
    layer3__add = layers.Add(name="layer3__add")([layer2__add, layer3__residual])

    # Block layer4 (Gated skip layer "d8", 1,328 parameters)
    layer4__filter = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="tanh",
        name="layer4__filter",
    )(layer3__add)
    layer4__gate = layers.Conv1D(
        filters=16, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="sigmoid",
        name="layer4__gate",
    )(layer3__add)
    layer4__gated = layers.Multiply(name="layer4__gated")([layer4__filter, layer4__gate])
    layer4__skip = layers.Conv1D(filters=16, kernel_size=(1,), name="layer4__skip")(layer4__gated)

    # Sum of skips: Add 4 inputs
    skips = layers.Add(name="skips")([layer1__skip, layer2__skip, layer3__skip, layer4__skip])
    relu = layers.ReLU(name="relu")(skips)
    # 1×1: Conv 1D 16@1 s1 valid relu
    post1 = layers.Conv1D(filters=16, kernel_size=(1,), activation="relu", name="post1")(relu)
    # Next sample: Conv 1D 1@1 s1 valid
    next = layers.Conv1D(filters=1, kernel_size=(1,), name="next")(post1)
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
    parser = argparse.ArgumentParser(description="Train WaveNet (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named signal, next (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="wavenet-mini.keras", help="where to save the trained model")
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
