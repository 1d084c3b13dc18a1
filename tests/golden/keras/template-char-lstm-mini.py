"""Char-LSTM (mini)

One LSTM layer of 64 units reads 64 characters of the shipped text and predicts the next character
at every step; gradients are clipped to a global norm of 5, as in char-rnn.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": chars Bx64 -> next_char Bx64x56

Train on one machine, on every GPU of this machine, or on several machines:
  python char-lstm-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": chars Bx64 -> next_char Bx64x56; 25,272 parameters."""
    # Character ids: Input 64
    chars = keras.Input(shape=(64,), dtype="int32", name="chars")
    embed = layers.Embedding(input_dim=56, output_dim=16, mask_zero=False, name="embed")(chars)
    rnn = layers.LSTM(
        units=64, activation="tanh", return_sequences=True, return_state=False, dropout=0,
        recurrent_dropout=0, recurrent_activation="sigmoid", unit_forget_bias=True, name="rnn",
    )(embed)
    # Next character: Dense 56 softmax
    next_char = layers.Dense(
        units=56, activation="softmax", kernel_initializer="glorot_normal", name="next_char",
    )(rnn)
    return keras.Model(inputs=[chars], outputs=[next_char], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (next_char), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, global_clipnorm=5)
    trainable.compile(
        optimizer=optimizer,
        loss=["sparse_categorical_crossentropy"],
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
    parser = argparse.ArgumentParser(description="Train Char-LSTM (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named chars, next_char (one row per example)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="char-lstm-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["chars"])
    targets = tuple(data[name] for name in ["next_char"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
