"""Neural Turing Machine (paper sizes)

Graves et al. 2014's copy-task machine: a 100-unit LSTM controller with one read and one write head
on a 128 × 20 memory, shifts of −1, 0 and +1, reading 8-bit vectors with start and end markers.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": bits Bx22x10 -> copy Bx22x8

Train on one machine, on every GPU of this machine, or on several machines:
  python neural-turing-machine-paper-sizes.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


@keras.saving.register_keras_serializable(package="layerloom")
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
        return config


def build_net():
    """Network "net": bits Bx22x10 -> copy Bx22x8; 62,660 parameters."""
    # Bits and markers: Input 22×10
    bits = keras.Input(shape=(22, 10), dtype="float32", name="bits")
    # Neural Turing Machine: NTM memory 128×20 R1 W1
    ntm = NTMMemory(
        memory_slots=128, slot_size=20, read_heads=1, write_heads=1, controller_units=100, shift_range=1,
        output_dim=8, name="ntm",
    )(bits)
    # Copied bits: Sigmoid
    copy = layers.Activation(activation="sigmoid", name="copy")(ntm)
    return keras.Model(inputs=[bits], outputs=[copy], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (copy), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.0003, beta_1=0.9, beta_2=0.999, global_clipnorm=10)
    trainable.compile(
        optimizer=optimizer,
        loss=["binary_crossentropy"],
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
    parser = argparse.ArgumentParser(description="Train Neural Turing Machine (paper sizes) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named bits, copy (one row per example)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="neural-turing-machine-paper-sizes.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["bits"])
    targets = tuple(data[name] for name in ["copy"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
