/**
 * Python (Keras) classes for the custom layers tfjs lacks, written to the contracts in
 * graph-ir/layers/normalization.ts (LocalResponseNormalization), attention.ts
 * (LayerloomAttention), memory.ts (NTMMemory) and autoregressive.ts (MaskedConv2D): same
 * equations, same weights in the same order and shapes, so weights saved from the app can be
 * loaded layer by layer.
 * DilatedCausalConv1D and SpectralNormalization need no class: Keras's Conv1D with
 * padding="causal" and layers.SpectralNormalization are the same layers.
 */

const LRN = `@keras.saving.register_keras_serializable(package="layerloom")
class LocalResponseNormalization(layers.Layer):
    """AlexNet's local response normalization, TensorFlow's definition:
    y[..., c] = x[..., c] / (bias + alpha * sum of x[..., j]^2 for |j - c| <= depth_radius) ** beta."""

    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, x):
        return tf.nn.local_response_normalization(
            x, depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta
        )

    def get_config(self):
        config = super().get_config()
        config.update(depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta)
        return config`;

const ATTENTION = `@keras.saving.register_keras_serializable(package="layerloom")
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
        return config`;

const NTM = `@keras.saving.register_keras_serializable(package="layerloom")
class NTMMemory(layers.Layer):
    """A Neural Turing Machine (Graves et al. 2014) with an LSTM controller, run over a sequence:
    x [B, T, F] -> y [B, T, output_dim], as Layerloom defines it (graph-ir/layers/memory.ts)."""

    def __init__(self, memory_slots=128, slot_size=20, read_heads=1, write_heads=1, controller_units=100,
                 shift_range=1, output_dim=8, kernel_initializer="glorot_uniform", bias_initializer="zeros", **kwargs):
        super().__init__(**kwargs)
        self.memory_slots = memory_slots
        self.slot_size = slot_size
        self.read_heads = read_heads
        self.write_heads = write_heads
        self.controller_units = controller_units
        self.shift_range = shift_range
        self.output_dim = output_dim
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)
        self.addressing_size = slot_size + 2 * shift_range + 4
        self.head_param_size = read_heads * self.addressing_size + write_heads * (self.addressing_size + 2 * slot_size)

    def build(self, input_shape):
        features = input_shape[-1]
        c, reads, p = self.controller_units, self.read_heads * self.slot_size, self.head_param_size

        def weight(name, shape, initializer):
            return self.add_weight(name=name, shape=shape, initializer=initializer, trainable=True)

        # The contract's order.
        self.controller_kernel = weight("controller_kernel", (features + reads, 4 * c), self.kernel_initializer)
        self.controller_recurrent_kernel = weight("controller_recurrent_kernel", (c, 4 * c), self.kernel_initializer)
        self.controller_bias = weight("controller_bias", (4 * c,), self.bias_initializer)
        self.heads_kernel = weight("heads_kernel", (c, p), self.kernel_initializer)
        self.heads_bias = weight("heads_bias", (p,), self.bias_initializer)
        self.output_kernel = weight("output_kernel", (c + reads, self.output_dim), self.kernel_initializer)
        self.output_bias = weight("output_bias", (self.output_dim,), self.bias_initializer)
        super().build(input_shape)

    @staticmethod
    def _norm(x):
        return tf.sqrt(tf.maximum(tf.reduce_sum(tf.square(x), axis=-1, keepdims=True), 1e-30)) + 1e-8

    def _heads(self, raw):
        m, shifts = self.slot_size, 2 * self.shift_range + 1
        head = {
            "k": tf.tanh(raw[..., :m]),
            "beta": tf.nn.softplus(raw[..., m:m + 1]),
            "g": tf.sigmoid(raw[..., m + 1:m + 2]),
            "s": tf.nn.softmax(raw[..., m + 2:m + 2 + shifts], axis=-1),
            "gamma": 1.0 + tf.nn.softplus(raw[..., m + 2 + shifts:m + 3 + shifts]),
        }
        if raw.shape[-1] > self.addressing_size:
            head["erase"] = tf.sigmoid(raw[..., self.addressing_size:self.addressing_size + m])
            head["add"] = tf.tanh(raw[..., self.addressing_size + m:self.addressing_size + 2 * m])
        return head

    def _address(self, mem, head, previous):
        similarity = tf.matmul(head["k"], mem, transpose_b=True) / (
            self._norm(head["k"]) * tf.transpose(self._norm(mem), [0, 2, 1])
        )
        wc = tf.nn.softmax(head["beta"] * similarity, axis=-1)
        wg = head["g"] * wc + (1.0 - head["g"]) * previous
        ws = tf.add_n([
            tf.roll(wg, shift=j, axis=2) * head["s"][..., j + self.shift_range:j + self.shift_range + 1]
            for j in range(-self.shift_range, self.shift_range + 1)
        ])
        return tf.nn.softmax(head["gamma"] * tf.math.log(tf.maximum(ws, 1e-30)), axis=-1)

    def call(self, x):
        n, m, r, w, c = self.memory_slots, self.slot_size, self.read_heads, self.write_heads, self.controller_units
        batch = tf.shape(x)[0]
        slot0 = tf.one_hot(tf.zeros((batch,), tf.int32), n)[:, None, :]
        state = (
            tf.zeros((batch, c)), tf.zeros((batch, c)),
            tf.fill((batch, n, m), 1e-6), tf.zeros((batch, r * m)),
            tf.tile(slot0, (1, r, 1)), tf.tile(slot0, (1, w, 1)),
            tf.zeros((batch, self.output_dim)),
        )
        read_size = r * self.addressing_size

        def step(previous, x_t):
            h, cell, mem, reads, read_w, write_w, _ = previous
            # 1. LSTM controller, Keras gate order i, f, c, o.
            z = tf.matmul(tf.concat([x_t, reads], 1), self.controller_kernel) + tf.matmul(h, self.controller_recurrent_kernel) + self.controller_bias
            zi, zf, zc, zo = tf.split(z, 4, axis=1)
            cell = tf.sigmoid(zf) * cell + tf.sigmoid(zi) * tf.tanh(zc)
            h = tf.sigmoid(zo) * tf.tanh(cell)
            # 2. Head parameters, read heads first.
            xi = tf.matmul(h, self.heads_kernel) + self.heads_bias
            readers = self._heads(tf.reshape(xi[:, :read_size], (-1, r, self.addressing_size)))
            writers = self._heads(tf.reshape(xi[:, read_size:], (-1, w, self.addressing_size + 2 * m)))
            # 3-4. Writers address the previous memory, then erase and add.
            write_w = self._address(mem, writers, write_w)
            kept = mem
            for i in range(w):
                kept = kept * (1.0 - tf.matmul(write_w[:, i:i + 1, :], writers["erase"][:, i:i + 1, :], transpose_a=True))
            mem = kept + tf.matmul(write_w, writers["add"], transpose_a=True)
            # 5. Readers address the new memory.
            read_w = self._address(mem, readers, read_w)
            reads = tf.reshape(tf.matmul(read_w, mem), (-1, r * m))
            # 6. Linear output from controller state and reads.
            y = tf.matmul(tf.concat([h, reads], 1), self.output_kernel) + self.output_bias
            return h, cell, mem, reads, read_w, write_w, y

        outputs = tf.scan(step, tf.transpose(x, [1, 0, 2]), initializer=state)
        return tf.transpose(outputs[-1], [1, 0, 2])

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[1], self.output_dim)

    def get_config(self):
        config = super().get_config()
        config.update(
            memory_slots=self.memory_slots, slot_size=self.slot_size, read_heads=self.read_heads,
            write_heads=self.write_heads, controller_units=self.controller_units, shift_range=self.shift_range,
            output_dim=self.output_dim,
            kernel_initializer=keras.initializers.serialize(self.kernel_initializer),
            bias_initializer=keras.initializers.serialize(self.bias_initializer),
        )
        return config`;

const MASKED_CONV = `@keras.saving.register_keras_serializable(package="layerloom")
class MaskedConv2D(layers.Layer):
    """PixelCNN's masked convolution: stride 1, "same" padding, the kernel zeroed at and after its
    centre in raster order (mask_type "A") or after it ("B"). Weights as Conv2D: kernel, bias."""

    def __init__(self, filters, kernel_size=3, mask_type="B", activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros", **kwargs):
        for key in ("strides", "padding", "dilation_rate", "data_format"):
            kwargs.pop(key, None)
        super().__init__(**kwargs)
        self.filters = filters
        self.kernel_size = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
        self.mask_type = mask_type
        self.activation = keras.activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)

    def build(self, input_shape):
        k = self.kernel_size
        c = (k - 1) // 2
        self.kernel = self.add_weight(name="kernel", shape=(k, k, input_shape[-1], self.filters),
                                      initializer=self.kernel_initializer, trainable=True)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.filters,), initializer=self.bias_initializer, trainable=True)
        mask = [[1.0 if r < c or (r == c and (s < c or (s == c and self.mask_type == "B"))) else 0.0
                 for s in range(k)] for r in range(k)]
        self.mask = tf.reshape(tf.constant(mask), (k, k, 1, 1))

    def call(self, x):
        y = tf.nn.conv2d(x, self.kernel * self.mask, strides=1, padding="SAME")
        if self.use_bias:
            y = y + self.bias
        return self.activation(y)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.filters)

    def get_config(self):
        config = super().get_config()
        config.update(
            filters=self.filters, kernel_size=(self.kernel_size, self.kernel_size), mask_type=self.mask_type,
            activation=keras.activations.serialize(self.activation), use_bias=self.use_bias,
            kernel_initializer=keras.initializers.serialize(self.kernel_initializer),
            bias_initializer=keras.initializers.serialize(self.bias_initializer),
        )
        return config`;

/** Python class source per Keras class name that needs one. */
export const PYTHON_CLASSES: Readonly<Record<string, string>> = {
  LocalResponseNormalization: LRN,
  LayerloomAttention: ATTENTION,
  NTMMemory: NTM,
  MaskedConv2D: MASKED_CONV,
};
