"""A stand-in for the small part of TensorFlow and Keras that the exported custom layer classes
use (graph-ir/export/keras-custom.ts), written with numpy, so their equations can be checked
against the app's tfjs layers where TensorFlow is not installed. Each function follows the
TensorFlow op of the same name for the arguments the classes pass; nothing else is offered.
"""
import types

import numpy as np

tf = types.SimpleNamespace()
tf.int32 = np.int32
tf.float32 = np.float32


def _matmul(a, b, transpose_a=False, transpose_b=False):
    if transpose_a:
        a = np.swapaxes(a, -1, -2)
    if transpose_b:
        b = np.swapaxes(b, -1, -2)
    return np.matmul(a, b)


def _softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def _band_part(x, lower, upper):
    rows, cols = x.shape[-2], x.shape[-1]
    i = np.arange(rows)[:, None]
    j = np.arange(cols)[None, :]
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return np.where(keep, x, 0)


def _split(x, n, axis=0):
    return np.split(x, n, axis=axis)


def _scan(fn, elems, initializer):
    acc = initializer
    steps = []
    for x in elems:
        acc = fn(acc, x)
        steps.append(acc)
    return tuple(np.stack([s[k] for s in steps]) for k in range(len(initializer)))


def _lrn(x, depth_radius, bias, alpha, beta):
    sq = np.square(x)
    channels = x.shape[-1]
    total = np.zeros_like(x)
    for c in range(channels):
        lo, hi = max(0, c - depth_radius), min(channels, c + depth_radius + 1)
        total[..., c] = np.sum(sq[..., lo:hi], axis=-1)
    return x / np.power(bias + alpha * total, beta)


tf.einsum = np.einsum
tf.sqrt = np.sqrt
tf.tanh = np.tanh
tf.sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))
tf.shape = lambda x: np.array(np.shape(x))
tf.ones = np.ones
tf.zeros = lambda shape, dtype=np.float32: np.zeros(shape, dtype)
tf.fill = np.full
tf.one_hot = lambda indices, depth: np.eye(depth, dtype=np.float32)[indices]
tf.tile = np.tile
tf.matmul = _matmul
tf.transpose = np.transpose
tf.concat = lambda xs, axis: np.concatenate(xs, axis=axis)
tf.split = lambda x, n, axis=0: _split(x, n, axis)
tf.reshape = np.reshape
tf.add_n = lambda xs: np.sum(np.stack(xs), axis=0)
tf.roll = lambda x, shift, axis: np.roll(x, shift, axis=axis)
tf.maximum = np.maximum
tf.reduce_sum = lambda x, axis=None, keepdims=False: np.sum(x, axis=axis, keepdims=keepdims)
tf.square = np.square
tf.scan = _scan
tf.math = types.SimpleNamespace(log=np.log)
tf.linalg = types.SimpleNamespace(band_part=_band_part)
tf.nn = types.SimpleNamespace(
    softmax=_softmax,
    softplus=lambda x: np.log1p(np.exp(x)),
    local_response_normalization=_lrn,
)


class Layer:
    """Keras's Layer as far as the classes use it: weights made in build, in order, on first call."""

    def __init__(self, name=None, **kwargs):
        self.name = name
        self.built = False
        self.ordered_weights = []

    def add_weight(self, name, shape, initializer=None, trainable=True):
        w = np.zeros(shape, np.float64)
        self.ordered_weights.append((name, w))
        return w

    def build(self, input_shape):
        self.built = True

    def __call__(self, inputs):
        if not self.built:
            shapes = [np.shape(x) for x in inputs] if isinstance(inputs, list) else np.shape(inputs)
            self.build(shapes)
        return self.call(inputs)

    def get_config(self):
        return {"name": self.name}


keras = types.SimpleNamespace(
    saving=types.SimpleNamespace(register_keras_serializable=lambda package=None: (lambda cls: cls)),
    initializers=types.SimpleNamespace(get=lambda x: x, serialize=lambda x: x),
    layers=types.SimpleNamespace(Layer=Layer),
)
layers = keras.layers
