"""Transformer encoder (base sizes)

The base model's encoder (Vaswani et al. 2017): six layers of 8-head self-attention and a 2,048-unit
feed-forward network at d_model = 512, here over 128 tokens of a 37,000-token vocabulary and
followed by average pooling and a 4-way classifier.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": tokens Bx128 -> probs Bx4
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


@keras.saving.register_keras_serializable(package="layerloom")
class LayerloomAttention(layers.Layer):
    """Multi-head attention with scaled dot-product or additive (Bahdanau) scores, as Layerloom
    defines it. Inputs: x (input_mode "self"), [query, value] ("queryValue") or
    [query, value, key] ("queryKeyValue"). Outputs y [B, Tq, output_dim], and the attention
    weights [B, heads, Tq, Tv] when return_scores is set."""

    def __init__(self, input_mode="self", score="dot", num_heads=1, key_dim=64, value_dim=0, output_dim=0,
                 causal=False, use_bias=True, return_scores=False,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros", **kwargs):
        super().__init__(**kwargs)
        self.input_mode = {"query_value": "queryValue", "query_key_value": "queryKeyValue"}.get(input_mode, input_mode)
        self.score = score
        self.num_heads = num_heads
        self.key_dim = key_dim
        self.value_dim = value_dim or key_dim
        self.output_dim = output_dim
        self.causal = causal
        self.use_bias = use_bias
        self.return_scores = return_scores
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)

    def _operands(self, inputs):
        if self.input_mode == "self":
            return inputs, inputs, inputs
        if self.input_mode == "queryValue":
            query, value = inputs
            return query, value, value
        query, value, key = inputs
        return query, value, key

    def build(self, input_shape):
        if self.input_mode == "self":
            dq = dv = dk = input_shape[-1]
        elif self.input_mode == "queryValue":
            dq, dv = input_shape[0][-1], input_shape[1][-1]
            dk = dv
        else:
            dq, dv, dk = input_shape[0][-1], input_shape[1][-1], input_shape[2][-1]
        h, k, v = self.num_heads, self.key_dim, self.value_dim
        o = self.output_dim or dq
        self.resolved_output_dim = o

        def weight(name, shape, initializer):
            return self.add_weight(name=name, shape=shape, initializer=initializer, trainable=True)

        # The contract's order: query, key, value, output (kernel then bias), score vector.
        self.query_kernel = weight("query_kernel", (dq, h, k), self.kernel_initializer)
        self.query_bias = weight("query_bias", (h, k), self.bias_initializer) if self.use_bias else None
        self.key_kernel = weight("key_kernel", (dk, h, k), self.kernel_initializer)
        self.key_bias = weight("key_bias", (h, k), self.bias_initializer) if self.use_bias else None
        self.value_kernel = weight("value_kernel", (dv, h, v), self.kernel_initializer)
        self.value_bias = weight("value_bias", (h, v), self.bias_initializer) if self.use_bias else None
        self.output_kernel = weight("output_kernel", (h, v, o), self.kernel_initializer)
        self.output_bias = weight("output_bias", (o,), self.bias_initializer) if self.use_bias else None
        self.score_vector = weight("score_vector", (h, k), self.kernel_initializer) if self.score == "additive" else None
        super().build(input_shape)

    def _project(self, x, kernel, bias):
        y = tf.einsum("btd,dhe->bhte", x, kernel)
        if bias is not None:
            y = y + bias[None, :, None, :]
        return y

    def call(self, inputs):
        query, value, key = self._operands(inputs)
        q = self._project(query, self.query_kernel, self.query_bias)
        k = self._project(key, self.key_kernel, self.key_bias)
        v = self._project(value, self.value_kernel, self.value_bias)
        if self.score == "dot":
            s = tf.einsum("bhie,bhje->bhij", q, k) / tf.sqrt(float(self.key_dim))
        else:
            s = tf.einsum("bhije,he->bhij", tf.tanh(q[:, :, :, None, :] + k[:, :, None, :, :]), self.score_vector)
        if self.causal:
            tq, tv = tf.shape(q)[2], tf.shape(k)[2]
            visible = tf.linalg.band_part(tf.ones((tq, tv)), -1, 0)
            s = s + (1.0 - visible) * -1e9
        a = tf.nn.softmax(s, axis=-1)
        o = tf.einsum("bhij,bhje->bhie", a, v)
        y = tf.einsum("bhie,heo->bio", o, self.output_kernel)
        if self.output_bias is not None:
            y = y + self.output_bias
        return [y, a] if self.return_scores else y

    def compute_output_shape(self, input_shape):
        query = input_shape if self.input_mode == "self" else input_shape[0]
        value = input_shape if self.input_mode == "self" else input_shape[1]
        y = (query[0], query[1], self.output_dim or query[-1])
        return [y, (query[0], self.num_heads, query[1], value[1])] if self.return_scores else y

    def get_config(self):
        config = super().get_config()
        config.update(
            input_mode=self.input_mode, score=self.score, num_heads=self.num_heads, key_dim=self.key_dim,
            value_dim=self.value_dim, output_dim=self.output_dim, causal=self.causal, use_bias=self.use_bias,
            return_scores=self.return_scores,
            kernel_initializer=keras.initializers.serialize(self.kernel_initializer),
            bias_initializer=keras.initializers.serialize(self.bias_initializer),
        )
        return config


def build_net():
    """Network "net": tokens Bx128 -> probs Bx4; 37,860,356 parameters."""
    # Token ids: Input 128
    tokens = keras.Input(shape=(128,), dtype="int32", name="tokens")
    embed = layers.Embedding(input_dim=37000, output_dim=512, mask_zero=False, name="embed")(tokens)

    # Block enc1 (Transformer encoder layer "Encoder layer 1", 3,152,384 parameters)
    enc1__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc1__attention",
    )(embed)
    enc1__drop1 = layers.Dropout(rate=0.1, name="enc1__drop1")(enc1__attention)
    enc1__add1 = layers.Add(name="enc1__add1")([embed, enc1__drop1])
    enc1__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc1__norm1",
    )(enc1__add1)
    enc1__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc1__ff1",
    )(enc1__norm1)
    enc1__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc1__ff2")(enc1__ff1)
    enc1__drop2 = layers.Dropout(rate=0.1, name="enc1__drop2")(enc1__ff2)
    enc1__add2 = layers.Add(name="enc1__add2")([enc1__norm1, enc1__drop2])
    enc1__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc1__norm2",
    )(enc1__add2)

    # Block enc2 (Transformer encoder layer "Encoder layer 2", 3,152,384 parameters)
    enc2__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc2__attention",
    )(enc1__norm2)
    enc2__drop1 = layers.Dropout(rate=0.1, name="enc2__drop1")(enc2__attention)
    enc2__add1 = layers.Add(name="enc2__add1")([enc1__norm2, enc2__drop1])
    enc2__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc2__norm1",
    )(enc2__add1)
    enc2__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc2__ff1",
    )(enc2__norm1)
    enc2__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc2__ff2")(enc2__ff1)
    enc2__drop2 = layers.Dropout(rate=0.1, name="enc2__drop2")(enc2__ff2)
    enc2__add2 = layers.Add(name="enc2__add2")([enc2__norm1, enc2__drop2])
    enc2__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc2__norm2",
    )(enc2__add2)

    # Block enc3 (Transformer encoder layer "Encoder layer 3", 3,152,384 parameters)
    enc3__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc3__attention",
    )(enc2__norm2)
    enc3__drop1 = layers.Dropout(rate=0.1, name="enc3__drop1")(enc3__attention)
    enc3__add1 = layers.Add(name="enc3__add1")([enc2__norm2, enc3__drop1])
    enc3__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc3__norm1",
    )(enc3__add1)
    enc3__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc3__ff1",
    )(enc3__norm1)
    enc3__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc3__ff2")(enc3__ff1)
    enc3__drop2 = layers.Dropout(rate=0.1, name="enc3__drop2")(enc3__ff2)
    enc3__add2 = layers.Add(name="enc3__add2")([enc3__norm1, enc3__drop2])
    enc3__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc3__norm2",
    )(enc3__add2)

    # Block enc4 (Transformer encoder layer "Encoder layer 4", 3,152,384 parameters)
    enc4__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc4__attention",
    )(enc3__norm2)
    enc4__drop1 = layers.Dropout(rate=0.1, name="enc4__drop1")(enc4__attention)
    enc4__add1 = layers.Add(name="enc4__add1")([enc3__norm2, enc4__drop1])
    enc4__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc4__norm1",
    )(enc4__add1)
    enc4__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc4__ff1",
    )(enc4__norm1)
    enc4__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc4__ff2")(enc4__ff1)
    enc4__drop2 = layers.Dropout(rate=0.1, name="enc4__drop2")(enc4__ff2)
    enc4__add2 = layers.Add(name="enc4__add2")([enc4__norm1, enc4__drop2])
    enc4__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc4__norm2",
    )(enc4__add2)

    # Block enc5 (Transformer encoder layer "Encoder layer 5", 3,152,384 parameters)
    enc5__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc5__attention",
    )(enc4__norm2)
    enc5__drop1 = layers.Dropout(rate=0.1, name="enc5__drop1")(enc5__attention)
    enc5__add1 = layers.Add(name="enc5__add1")([enc4__norm2, enc5__drop1])
    enc5__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc5__norm1",
    )(enc5__add1)
    enc5__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc5__ff1",
    )(enc5__norm1)
    enc5__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc5__ff2")(enc5__ff1)
    enc5__drop2 = layers.Dropout(rate=0.1, name="enc5__drop2")(enc5__ff2)
    enc5__add2 = layers.Add(name="enc5__add2")([enc5__norm1, enc5__drop2])
    enc5__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc5__norm2",
    )(enc5__add2)

    # Block enc6 (Transformer encoder layer "Encoder layer 6", 3,152,384 parameters)
    enc6__attention = LayerloomAttention(
        input_mode="self", score="dot", num_heads=8, key_dim=64, value_dim=64, output_dim=512, causal=False,
        return_scores=False, name="enc6__attention",
    )(enc5__norm2)
    enc6__drop1 = layers.Dropout(rate=0.1, name="enc6__drop1")(enc6__attention)
    enc6__add1 = layers.Add(name="enc6__add1")([enc5__norm2, enc6__drop1])
    enc6__norm1 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc6__norm1",
    )(enc6__add1)
    enc6__ff1 = layers.Dense(
        units=2048, activation="relu", kernel_initializer="glorot_normal", name="enc6__ff1",
    )(enc6__norm1)
    enc6__ff2 = layers.Dense(units=512, kernel_initializer="glorot_normal", name="enc6__ff2")(enc6__ff1)
    enc6__drop2 = layers.Dropout(rate=0.1, name="enc6__drop2")(enc6__ff2)
    enc6__add2 = layers.Add(name="enc6__add2")([enc6__norm1, enc6__drop2])
    enc6__norm2 = layers.LayerNormalization(
        axis=(-1,), epsilon=0.001, center=True, scale=True, name="enc6__norm2",
    )(enc6__add2)

    pool = layers.GlobalAveragePooling1D(name="pool")(enc6__norm2)
    # Class: Dense 4 softmax
    probs = layers.Dense(
        units=4, activation="softmax", kernel_initializer="glorot_normal", name="probs",
    )(pool)
    return keras.Model(inputs=[tokens], outputs=[probs], name="net")


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
