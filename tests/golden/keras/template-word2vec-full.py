"""word2vec CBOW

word2vec CBOW at the sizes of TensorFlow's word2vec tutorial: a vocabulary of 4,096 words and
128-dimensional vectors, the four words around each word of the shipped text predicting it, 5
negatives per example.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_cbow()  network "cbow": context Bx4 -> scores Bx4096
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_cbow():
    """Network "cbow": context Bx4 -> scores Bx4096; 1,048,576 parameters."""
    # Context word ids (2 each side): Input 4
    context = keras.Input(shape=(4,), dtype="int32", name="context")
    # Input word vectors: Embedding 4096→128
    embed = layers.Embedding(input_dim=4096, output_dim=128, mask_zero=False, name="embed")(context)
    # Context vector v_c: Global average pooling 1D
    mean = layers.GlobalAveragePooling1D(name="mean")(embed)
    # Output word vectors u_w: Dense 4096
    scores = layers.Dense(units=4096, use_bias=False, kernel_initializer="glorot_normal", name="scores")(mean)
    return keras.Model(inputs=[context], outputs=[scores], name="cbow")


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_cbow().summary()
