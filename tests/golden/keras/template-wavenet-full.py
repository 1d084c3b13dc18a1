"""WaveNet (30 layers)

Van den Oord et al. 2016's architecture at the sizes of a widely used reimplementation: 4,096
one-hot μ-law samples, a causal convolution, 30 gated residual layers with dilations 1 to 512 three
times (32 residual, 512 skip channels), two 1×1 layers and a 256-way softmax per step.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": signal Bx4096x256 -> next Bx4096x256
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": signal Bx4096x256 -> next Bx4096x256; 1,072,704 parameters."""
    # Samples (one-hot, μ-law): Input 4096×256
    signal = keras.Input(shape=(4096, 256), dtype="float32", name="signal")
    # Causal conv: Dilated causal conv 1D 32@2 d1
    causal = layers.Conv1D(filters=32, kernel_size=(2,), padding="causal", name="causal")(signal)

    # Block layer1 (Gated residual layer "d1", 22,112 parameters)
    layer1__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="tanh", name="layer1__filter",
    )(causal)
    layer1__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="sigmoid", name="layer1__gate",
    )(causal)
    layer1__gated = layers.Multiply(name="layer1__gated")([layer1__filter, layer1__gate])
    layer1__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer1__residual")(layer1__gated)
    layer1__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer1__skip")(layer1__gated)
    layer1__add = layers.Add(name="layer1__add")([causal, layer1__residual])

    # Block layer2 (Gated residual layer "d2", 22,112 parameters)
    layer2__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="tanh",
        name="layer2__filter",
    )(layer1__add)
    layer2__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="sigmoid",
        name="layer2__gate",
    )(layer1__add)
    layer2__gated = layers.Multiply(name="layer2__gated")([layer2__filter, layer2__gate])
    layer2__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer2__residual")(layer2__gated)
    layer2__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer2__skip")(layer2__gated)
    layer2__add = layers.Add(name="layer2__add")([layer1__add, layer2__residual])

    # Block layer3 (Gated residual layer "d4", 22,112 parameters)
    layer3__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="tanh",
        name="layer3__filter",
    )(layer2__add)
    layer3__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="sigmoid",
        name="layer3__gate",
    )(layer2__add)
    layer3__gated = layers.Multiply(name="layer3__gated")([layer3__filter, layer3__gate])
    layer3__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer3__residual")(layer3__gated)
    layer3__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer3__skip")(layer3__gated)
    layer3__add = layers.Add(name="layer3__add")([layer2__add, layer3__residual])

    # Block layer4 (Gated residual layer "d8", 22,112 parameters)
    layer4__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="tanh",
        name="layer4__filter",
    )(layer3__add)
    layer4__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="sigmoid",
        name="layer4__gate",
    )(layer3__add)
    layer4__gated = layers.Multiply(name="layer4__gated")([layer4__filter, layer4__gate])
    layer4__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer4__residual")(layer4__gated)
    layer4__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer4__skip")(layer4__gated)
    layer4__add = layers.Add(name="layer4__add")([layer3__add, layer4__residual])

    # Block layer5 (Gated residual layer "d16", 22,112 parameters)
    layer5__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="tanh",
        name="layer5__filter",
    )(layer4__add)
    layer5__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="sigmoid",
        name="layer5__gate",
    )(layer4__add)
    layer5__gated = layers.Multiply(name="layer5__gated")([layer5__filter, layer5__gate])
    layer5__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer5__residual")(layer5__gated)
    layer5__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer5__skip")(layer5__gated)
    layer5__add = layers.Add(name="layer5__add")([layer4__add, layer5__residual])

    # Block layer6 (Gated residual layer "d32", 22,112 parameters)
    layer6__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="tanh",
        name="layer6__filter",
    )(layer5__add)
    layer6__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="sigmoid",
        name="layer6__gate",
    )(layer5__add)
    layer6__gated = layers.Multiply(name="layer6__gated")([layer6__filter, layer6__gate])
    layer6__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer6__residual")(layer6__gated)
    layer6__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer6__skip")(layer6__gated)
    layer6__add = layers.Add(name="layer6__add")([layer5__add, layer6__residual])

    # Block layer7 (Gated residual layer "d64", 22,112 parameters)
    layer7__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="tanh",
        name="layer7__filter",
    )(layer6__add)
    layer7__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="sigmoid",
        name="layer7__gate",
    )(layer6__add)
    layer7__gated = layers.Multiply(name="layer7__gated")([layer7__filter, layer7__gate])
    layer7__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer7__residual")(layer7__gated)
    layer7__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer7__skip")(layer7__gated)
    layer7__add = layers.Add(name="layer7__add")([layer6__add, layer7__residual])

    # Block layer8 (Gated residual layer "d128", 22,112 parameters)
    layer8__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="tanh",
        name="layer8__filter",
    )(layer7__add)
    layer8__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="sigmoid",
        name="layer8__gate",
    )(layer7__add)
    layer8__gated = layers.Multiply(name="layer8__gated")([layer8__filter, layer8__gate])
    layer8__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer8__residual")(layer8__gated)
    layer8__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer8__skip")(layer8__gated)
    layer8__add = layers.Add(name="layer8__add")([layer7__add, layer8__residual])

    # Block layer9 (Gated residual layer "d256", 22,112 parameters)
    layer9__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="tanh",
        name="layer9__filter",
    )(layer8__add)
    layer9__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="sigmoid",
        name="layer9__gate",
    )(layer8__add)
    layer9__gated = layers.Multiply(name="layer9__gated")([layer9__filter, layer9__gate])
    layer9__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer9__residual")(layer9__gated)
    layer9__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer9__skip")(layer9__gated)
    layer9__add = layers.Add(name="layer9__add")([layer8__add, layer9__residual])

    # Block layer10 (Gated residual layer "d512", 22,112 parameters)
    layer10__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="tanh",
        name="layer10__filter",
    )(layer9__add)
    layer10__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="sigmoid",
        name="layer10__gate",
    )(layer9__add)
    layer10__gated = layers.Multiply(name="layer10__gated")([layer10__filter, layer10__gate])
    layer10__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer10__residual")(layer10__gated)
    layer10__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer10__skip")(layer10__gated)
    layer10__add = layers.Add(name="layer10__add")([layer9__add, layer10__residual])

    # Block layer11 (Gated residual layer "d1", 22,112 parameters)
    layer11__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="tanh", name="layer11__filter",
    )(layer10__add)
    layer11__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="sigmoid", name="layer11__gate",
    )(layer10__add)
    layer11__gated = layers.Multiply(name="layer11__gated")([layer11__filter, layer11__gate])
    layer11__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer11__residual")(layer11__gated)
    layer11__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer11__skip")(layer11__gated)
    layer11__add = layers.Add(name="layer11__add")([layer10__add, layer11__residual])

    # Block layer12 (Gated residual layer "d2", 22,112 parameters)
    layer12__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="tanh",
        name="layer12__filter",
    )(layer11__add)
    layer12__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="sigmoid",
        name="layer12__gate",
    )(layer11__add)
    layer12__gated = layers.Multiply(name="layer12__gated")([layer12__filter, layer12__gate])
    layer12__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer12__residual")(layer12__gated)
    layer12__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer12__skip")(layer12__gated)
    layer12__add = layers.Add(name="layer12__add")([layer11__add, layer12__residual])

    # Block layer13 (Gated residual layer "d4", 22,112 parameters)
    layer13__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="tanh",
        name="layer13__filter",
    )(layer12__add)
    layer13__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="sigmoid",
        name="layer13__gate",
    )(layer12__add)
    layer13__gated = layers.Multiply(name="layer13__gated")([layer13__filter, layer13__gate])
    layer13__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer13__residual")(layer13__gated)
    layer13__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer13__skip")(layer13__gated)
    layer13__add = layers.Add(name="layer13__add")([layer12__add, layer13__residual])

    # Block layer14 (Gated residual layer "d8", 22,112 parameters)
    layer14__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="tanh",
        name="layer14__filter",
    )(layer13__add)
    layer14__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="sigmoid",
        name="layer14__gate",
    )(layer13__add)
    layer14__gated = layers.Multiply(name="layer14__gated")([layer14__filter, layer14__gate])
    layer14__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer14__residual")(layer14__gated)
    layer14__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer14__skip")(layer14__gated)
    layer14__add = layers.Add(name="layer14__add")([layer13__add, layer14__residual])

    # Block layer15 (Gated residual layer "d16", 22,112 parameters)
    layer15__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="tanh",
        name="layer15__filter",
    )(layer14__add)
    layer15__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="sigmoid",
        name="layer15__gate",
    )(layer14__add)
    layer15__gated = layers.Multiply(name="layer15__gated")([layer15__filter, layer15__gate])
    layer15__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer15__residual")(layer15__gated)
    layer15__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer15__skip")(layer15__gated)
    layer15__add = layers.Add(name="layer15__add")([layer14__add, layer15__residual])

    # Block layer16 (Gated residual layer "d32", 22,112 parameters)
    layer16__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="tanh",
        name="layer16__filter",
    )(layer15__add)
    layer16__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="sigmoid",
        name="layer16__gate",
    )(layer15__add)
    layer16__gated = layers.Multiply(name="layer16__gated")([layer16__filter, layer16__gate])
    layer16__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer16__residual")(layer16__gated)
    layer16__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer16__skip")(layer16__gated)
    layer16__add = layers.Add(name="layer16__add")([layer15__add, layer16__residual])

    # Sum of skips: Add 15 inputs
    skips1 = layers.Add(name="skips1")([layer1__skip, layer2__skip, layer3__skip, layer4__skip, layer5__skip, layer6__skip, layer7__skip, layer8__skip, layer9__skip, layer10__skip, layer11__skip, layer12__skip, layer13__skip, layer14__skip, layer15__skip])

    # Block layer17 (Gated residual layer "d64", 22,112 parameters)
    layer17__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="tanh",
        name="layer17__filter",
    )(layer16__add)
    layer17__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="sigmoid",
        name="layer17__gate",
    )(layer16__add)
    layer17__gated = layers.Multiply(name="layer17__gated")([layer17__filter, layer17__gate])
    layer17__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer17__residual")(layer17__gated)
    layer17__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer17__skip")(layer17__gated)
    layer17__add = layers.Add(name="layer17__add")([layer16__add, layer17__residual])

    # Block layer18 (Gated residual layer "d128", 22,112 parameters)
    layer18__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="tanh",
        name="layer18__filter",
    )(layer17__add)
    layer18__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="sigmoid",
        name="layer18__gate",
    )(layer17__add)
    layer18__gated = layers.Multiply(name="layer18__gated")([layer18__filter, layer18__gate])
    layer18__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer18__residual")(layer18__gated)
    layer18__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer18__skip")(layer18__gated)
    layer18__add = layers.Add(name="layer18__add")([layer17__add, layer18__residual])

    # Block layer19 (Gated residual layer "d256", 22,112 parameters)
    layer19__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="tanh",
        name="layer19__filter",
    )(layer18__add)
    layer19__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="sigmoid",
        name="layer19__gate",
    )(layer18__add)
    layer19__gated = layers.Multiply(name="layer19__gated")([layer19__filter, layer19__gate])
    layer19__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer19__residual")(layer19__gated)
    layer19__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer19__skip")(layer19__gated)
    layer19__add = layers.Add(name="layer19__add")([layer18__add, layer19__residual])

    # Block layer20 (Gated residual layer "d512", 22,112 parameters)
    layer20__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="tanh",
        name="layer20__filter",
    )(layer19__add)
    layer20__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="sigmoid",
        name="layer20__gate",
    )(layer19__add)
    layer20__gated = layers.Multiply(name="layer20__gated")([layer20__filter, layer20__gate])
    layer20__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer20__residual")(layer20__gated)
    layer20__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer20__skip")(layer20__gated)
    layer20__add = layers.Add(name="layer20__add")([layer19__add, layer20__residual])

    # Block layer21 (Gated residual layer "d1", 22,112 parameters)
    layer21__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="tanh", name="layer21__filter",
    )(layer20__add)
    layer21__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", activation="sigmoid", name="layer21__gate",
    )(layer20__add)
    layer21__gated = layers.Multiply(name="layer21__gated")([layer21__filter, layer21__gate])
    layer21__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer21__residual")(layer21__gated)
    layer21__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer21__skip")(layer21__gated)
    layer21__add = layers.Add(name="layer21__add")([layer20__add, layer21__residual])

    # Block layer22 (Gated residual layer "d2", 22,112 parameters)
    layer22__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="tanh",
        name="layer22__filter",
    )(layer21__add)
    layer22__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(2,), activation="sigmoid",
        name="layer22__gate",
    )(layer21__add)
    layer22__gated = layers.Multiply(name="layer22__gated")([layer22__filter, layer22__gate])
    layer22__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer22__residual")(layer22__gated)
    layer22__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer22__skip")(layer22__gated)
    layer22__add = layers.Add(name="layer22__add")([layer21__add, layer22__residual])

    # Block layer23 (Gated residual layer "d4", 22,112 parameters)
    layer23__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="tanh",
        name="layer23__filter",
    )(layer22__add)
    layer23__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(4,), activation="sigmoid",
        name="layer23__gate",
    )(layer22__add)
    layer23__gated = layers.Multiply(name="layer23__gated")([layer23__filter, layer23__gate])
    layer23__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer23__residual")(layer23__gated)
    layer23__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer23__skip")(layer23__gated)
    layer23__add = layers.Add(name="layer23__add")([layer22__add, layer23__residual])

    # Block layer24 (Gated residual layer "d8", 22,112 parameters)
    layer24__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="tanh",
        name="layer24__filter",
    )(layer23__add)
    layer24__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(8,), activation="sigmoid",
        name="layer24__gate",
    )(layer23__add)
    layer24__gated = layers.Multiply(name="layer24__gated")([layer24__filter, layer24__gate])
    layer24__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer24__residual")(layer24__gated)
    layer24__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer24__skip")(layer24__gated)
    layer24__add = layers.Add(name="layer24__add")([layer23__add, layer24__residual])

    # Block layer25 (Gated residual layer "d16", 22,112 parameters)
    layer25__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="tanh",
        name="layer25__filter",
    )(layer24__add)
    layer25__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(16,), activation="sigmoid",
        name="layer25__gate",
    )(layer24__add)
    layer25__gated = layers.Multiply(name="layer25__gated")([layer25__filter, layer25__gate])
    layer25__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer25__residual")(layer25__gated)
    layer25__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer25__skip")(layer25__gated)
    layer25__add = layers.Add(name="layer25__add")([layer24__add, layer25__residual])

    # Block layer26 (Gated residual layer "d32", 22,112 parameters)
    layer26__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="tanh",
        name="layer26__filter",
    )(layer25__add)
    layer26__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(32,), activation="sigmoid",
        name="layer26__gate",
    )(layer25__add)
    layer26__gated = layers.Multiply(name="layer26__gated")([layer26__filter, layer26__gate])
    layer26__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer26__residual")(layer26__gated)
    layer26__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer26__skip")(layer26__gated)
    layer26__add = layers.Add(name="layer26__add")([layer25__add, layer26__residual])

    # Block layer27 (Gated residual layer "d64", 22,112 parameters)
    layer27__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="tanh",
        name="layer27__filter",
    )(layer26__add)
    layer27__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(64,), activation="sigmoid",
        name="layer27__gate",
    )(layer26__add)
    layer27__gated = layers.Multiply(name="layer27__gated")([layer27__filter, layer27__gate])
    layer27__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer27__residual")(layer27__gated)
    layer27__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer27__skip")(layer27__gated)
    layer27__add = layers.Add(name="layer27__add")([layer26__add, layer27__residual])

    # Block layer28 (Gated residual layer "d128", 22,112 parameters)
    layer28__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="tanh",
        name="layer28__filter",
    )(layer27__add)
    layer28__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(128,), activation="sigmoid",
        name="layer28__gate",
    )(layer27__add)
    layer28__gated = layers.Multiply(name="layer28__gated")([layer28__filter, layer28__gate])
    layer28__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer28__residual")(layer28__gated)
    layer28__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer28__skip")(layer28__gated)
    layer28__add = layers.Add(name="layer28__add")([layer27__add, layer28__residual])

    # Block layer29 (Gated residual layer "d256", 22,112 parameters)
    layer29__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="tanh",
        name="layer29__filter",
    )(layer28__add)
    layer29__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(256,), activation="sigmoid",
        name="layer29__gate",
    )(layer28__add)
    layer29__gated = layers.Multiply(name="layer29__gated")([layer29__filter, layer29__gate])
    layer29__residual = layers.Conv1D(filters=32, kernel_size=(1,), name="layer29__residual")(layer29__gated)
    layer29__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer29__skip")(layer29__gated)
    layer29__add = layers.Add(name="layer29__add")([layer28__add, layer29__residual])

    # Block layer30 (Gated skip layer "d512", 21,056 parameters)
    layer30__filter = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="tanh",
        name="layer30__filter",
    )(layer29__add)
    layer30__gate = layers.Conv1D(
        filters=32, kernel_size=(2,), padding="causal", dilation_rate=(512,), activation="sigmoid",
        name="layer30__gate",
    )(layer29__add)
    layer30__gated = layers.Multiply(name="layer30__gated")([layer30__filter, layer30__gate])
    layer30__skip = layers.Conv1D(filters=512, kernel_size=(1,), name="layer30__skip")(layer30__gated)

    # Sum of skips: Add 15 inputs
    skips2 = layers.Add(name="skips2")([layer16__skip, layer17__skip, layer18__skip, layer19__skip, layer20__skip, layer21__skip, layer22__skip, layer23__skip, layer24__skip, layer25__skip, layer26__skip, layer27__skip, layer28__skip, layer29__skip, layer30__skip])
    # Sum of skips: Add
    skips = layers.Add(name="skips")([skips1, skips2])
    relu = layers.ReLU(name="relu")(skips)
    # 1×1: Conv 1D 512@1 s1 valid relu
    post1 = layers.Conv1D(filters=512, kernel_size=(1,), activation="relu", name="post1")(relu)
    # Next sample: Conv 1D 256@1 s1 valid softmax
    next = layers.Conv1D(filters=256, kernel_size=(1,), activation="softmax", name="next")(post1)
    return keras.Model(inputs=[signal], outputs=[next], name="net")


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
