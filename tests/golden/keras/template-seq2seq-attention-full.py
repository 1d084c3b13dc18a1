"""Seq2seq with attention (RNNsearch sizes)

Bahdanau et al. 2014 sizes: 30,000-word vocabularies, 620-dimensional embeddings, a bidirectional
GRU encoder of 1,000 units per direction, a 1,000-unit GRU decoder and additive attention over the
encoder's annotations, for sentences of up to 50 words.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": source Bx50 -> target Bx50x30000, attend Bx50x1000, attend.scores Bx1x50x50
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
    """Network "net": source Bx50 -> target Bx50x30000, attend Bx50x1000, attend.scores Bx1x50x50; 59,364,500 parameters."""
    # Source tokens: Input 50
    source = keras.Input(shape=(50,), dtype="int32", name="source")
    embed = layers.Embedding(input_dim=30000, output_dim=620, mask_zero=False, name="embed")(source)
    # Encoder (annotations): Bidirectional GRU 1000 concat seq
    encoder = layers.Bidirectional(
        layers.GRU(units=1000, activation="tanh", return_sequences=True, return_state=False, dropout=0, recurrent_dropout=0, recurrent_activation="sigmoid", reset_after=False),
        merge_mode="concat", name="encoder",
    )(embed)
    # Sentence summary: Global average pooling 1D
    summary = layers.GlobalAveragePooling1D(name="summary")(encoder)
    repeat = layers.RepeatVector(n=50, name="repeat")(summary)
    # Decoder: GRU 1000 seq
    decoder = layers.GRU(
        units=1000, activation="tanh", return_sequences=True, return_state=False, dropout=0,
        recurrent_dropout=0, recurrent_activation="sigmoid", reset_after=False, name="decoder",
    )(repeat)
    # Additive attention: Attention 1×1000 additive
    attend, attend_scores = LayerloomAttention(
        input_mode="queryValue", score="additive", num_heads=1, key_dim=1000, value_dim=1000, output_dim=1000,
        causal=False, return_scores=True, name="attend",
    )([decoder, encoder])
    join = layers.Concatenate(axis=-1, name="join")([decoder, attend])
    hidden = layers.Dense(
        units=500, activation="tanh", kernel_initializer="glorot_normal", name="hidden",
    )(join)
    # Output token: Dense 30000 softmax
    target = layers.Dense(
        units=30000, activation="softmax", kernel_initializer="glorot_normal", name="target",
    )(hidden)
    return keras.Model(inputs=[source], outputs=[target, attend, attend_scores], name="net")


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
