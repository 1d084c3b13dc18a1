"""Char-LSTM (char-rnn sizes)

char-rnn's default model (Karpathy 2015): characters of Tiny Shakespeare (65 distinct) through two
LSTM layers of 128 units and a softmax over the next character at every one of 50 steps.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": chars Bx50 -> next_char Bx50x65
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": chars Bx50 -> next_char Bx50x65; 243,522 parameters."""
    # Character ids: Input 50
    chars = keras.Input(shape=(50,), dtype="int32", name="chars")
    # One-hot (as a learned table): Embedding 65→65
    embed = layers.Embedding(input_dim=65, output_dim=65, mask_zero=False, name="embed")(chars)
    rnn1 = layers.LSTM(
        units=128, activation="tanh", return_sequences=True, return_state=False, dropout=0,
        recurrent_dropout=0, recurrent_activation="sigmoid", unit_forget_bias=True, name="rnn1",
    )(embed)
    rnn2 = layers.LSTM(
        units=128, activation="tanh", return_sequences=True, return_state=False, dropout=0,
        recurrent_dropout=0, recurrent_activation="sigmoid", unit_forget_bias=True, name="rnn2",
    )(rnn1)
    # Next character: Dense 65 softmax
    next_char = layers.Dense(
        units=65, activation="softmax", kernel_initializer="glorot_normal", name="next_char",
    )(rnn2)
    return keras.Model(inputs=[chars], outputs=[next_char], name="net")


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_net().summary()
