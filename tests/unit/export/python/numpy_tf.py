"""A stand-in for the small part of TensorFlow and Keras that the exported custom layer classes
(graph-ir/export/keras-custom.ts) and the exported training's loss and target functions
(graph-ir/export/keras-training*.ts) use, written with numpy, so their equations can be checked
against the app's tfjs code where TensorFlow is not installed. Each function follows the
TensorFlow op of the same name for the arguments the exported code passes; nothing else is
offered. `as_module()` gives it as the `tensorflow` module, so a whole exported script imports.
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
def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def _argsort(values, axis=-1, direction="ASCENDING", stable=False):
    keys = -np.asarray(values) if direction == "DESCENDING" else np.asarray(values)
    return np.argsort(keys, axis=axis, kind="stable")


def _avg_pool2d(x, ksize, strides, padding):
    assert ksize == strides and padding == "VALID"
    n, h, w, c = x.shape
    f = ksize
    return x[:, : h // f * f, : w // f * f].reshape(n, h // f, f, w // f, f, c).mean(axis=(2, 4))


def _log_softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _cast(x, dtype):
    return np.asarray(x).astype(dtype)


def _binary_crossentropy(y_true, y_pred):
    p = np.clip(y_pred, 1e-7, 1 - 1e-7)
    return -np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p), axis=-1)


def _mean_squared_error(y_true, y_pred):
    return np.mean(np.square(y_pred - y_true), axis=-1)


class _ReplicaContext:
    """One replica: an all-reduce returns the value itself."""

    def all_reduce(self, op, value):
        return value


tf.reduce_sum = lambda x, axis=None, keepdims=False: np.sum(x, axis=_axis(axis), keepdims=keepdims)
tf.reduce_mean = lambda x, axis=None, keepdims=False: np.mean(x, axis=_axis(axis), keepdims=keepdims)
tf.ones_like = np.ones_like
tf.zeros_like = np.zeros_like
tf.abs = np.abs
tf.floor = np.floor
tf.minimum = np.minimum
tf.clip_by_value = np.clip
tf.cast = _cast
tf.not_equal = np.not_equal
tf.argmax = lambda x, axis=None: np.argmax(x, axis=axis)
tf.argsort = _argsort
tf.stop_gradient = lambda x: x
tf.range = lambda n, dtype=None: np.arange(n, dtype=dtype)
tf.gather = lambda params, indices: np.take(params, indices, axis=0)
tf.distribute = types.SimpleNamespace(
    get_replica_context=_ReplicaContext,
    ReduceOp=types.SimpleNamespace(SUM="SUM", MEAN="MEAN"),
)
tf.square = np.square
tf.scan = _scan
tf.math = types.SimpleNamespace(log=np.log)
tf.linalg = types.SimpleNamespace(band_part=_band_part)
tf.nn = types.SimpleNamespace(
    softmax=_softmax,
    softplus=lambda x: np.logaddexp(0.0, x),
    local_response_normalization=_lrn,
    relu=lambda x: np.maximum(x, 0.0),
    log_softmax=_log_softmax,
    avg_pool2d=_avg_pool2d,
    # One replica, so the global batch is this batch.
    compute_average_loss=lambda per_example: np.mean(per_example),
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


_LOSSES = {"binary_crossentropy": _binary_crossentropy, "mean_squared_error": _mean_squared_error}

keras = types.SimpleNamespace(
    saving=types.SimpleNamespace(register_keras_serializable=lambda package=None: (lambda cls: cls)),
    initializers=types.SimpleNamespace(get=lambda x: x, serialize=lambda x: x),
    layers=types.SimpleNamespace(Layer=Layer),
    losses=types.SimpleNamespace(binary_crossentropy=_binary_crossentropy, get=lambda name: _LOSSES[name]),
)
layers = keras.layers


def as_module():
    """The stand-in as the `tensorflow` module (with `tensorflow.keras`), for importing a whole exported script."""
    module = types.ModuleType("tensorflow")
    module.__dict__.update(vars(tf))
    module.keras = keras
    return module
