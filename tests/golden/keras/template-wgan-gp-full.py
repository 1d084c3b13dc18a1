"""WGAN-GP toy (2-D)

Gulrajani et al. 2017's toy experiment: 2-D noise, generator and critic with three hidden layers of
512 ReLU units, Adam (1e-4, beta1 0.5, beta2 0.9), five critic steps per generator step, on Gaussian
blobs.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx2 -> g_out Bx2
  build_d()  network "D": x Bx2 -> d_out Bx1

Train on one machine, on every GPU of this machine, or on several machines:
  python wgan-gp-toy-2-d.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_g():
    """Network "G": z Bx2 -> g_out Bx2; 527,874 parameters."""
    # Noise z: Latent noise z ∈ ℝ^2 normal
    z = keras.Input(shape=(2,), dtype="float32", name="z")
    g_hidden1 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="g_hidden1",
    )(z)
    g_hidden2 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="g_hidden2",
    )(g_hidden1)
    g_hidden3 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="g_hidden3",
    )(g_hidden2)
    # Generated point: Dense 2
    g_out = layers.Dense(units=2, kernel_initializer="glorot_normal", name="g_out")(g_hidden3)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": x Bx2 -> d_out Bx1; 527,361 parameters."""
    # Point: Input 2
    x = keras.Input(shape=(2,), dtype="float32", name="x")
    d_hidden1 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="d_hidden1",
    )(x)
    d_hidden2 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="d_hidden2",
    )(d_hidden1)
    d_hidden3 = layers.Dense(
        units=512, activation="relu", kernel_initializer="glorot_normal", name="d_hidden3",
    )(d_hidden2)
    # Critic score: Dense 1
    d_out = layers.Dense(units=1, kernel_initializer="glorot_normal", name="d_out")(d_hidden3)
    return keras.Model(inputs=[x], outputs=[d_out], name="D")


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def wasserstein_losses(d_real, d_fake):
    """d_loss = mean D(G(z)) − mean D(x), g_loss = −mean D(G(z)); w_distance = mean D(x) − mean D(G(z)) is the
    critic's estimate of the Wasserstein-1 distance, the number the WGAN papers plot."""
    w_distance = tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
    return {"d_loss": -w_distance, "g_loss": -tf.reduce_mean(d_fake), "w_distance": w_distance}


def penalty_of_gradients(grad):
    """mean((‖grad‖₂ − 1)²) over the batch, each sample's gradient flattened."""
    axes = list(range(1, len(grad.shape)))
    # The small constant keeps sqrt's gradient finite where a gradient is exactly zero.
    norm = tf.sqrt(tf.reduce_sum(tf.square(grad), axis=axes) + 1e-12)
    return tf.reduce_mean(tf.square(norm - 1.0))


def gradient_penalty(critic, real, fake):
    """Gulrajani et al.'s penalty on x̂ = εx + (1−ε)G(z), ε ~ U[0, 1] per sample; differentiable in the critic's weights."""
    eps = tf.random.uniform([tf.shape(real)[0]] + [1] * (len(real.shape) - 1))
    x_hat = eps * real + (1.0 - eps) * fake
    with tf.GradientTape() as tape:
        tape.watch(x_hat)
        score = outputs_of(critic, x_hat, True)[0]
    # The gradient of the summed scores: each sample's score depends on its own x̂ only.
    return penalty_of_gradients(tape.gradient(score, x_hat))


class GAN:
    """Gulrajani et al. 2017, as the document's recipe "wgan-gp" trains it: the Wasserstein losses with GP_WEIGHT·gp
    added to the critic's (gp is reported unweighted).
    Every batch updates D; every 5th batch then also updates G."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss", "w_distance", "gp")
    G_SIDE = ("g_loss",)
    GP_WEIGHT = 0.1  # training.options.gpWeight (the paper: 10)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.Adam(learning_rate=0.0001, beta_1=0.5, beta_2=0.9)
        self.g_optimizer = keras.optimizers.Adam(learning_rate=0.0001, beta_1=0.5, beta_2=0.9)

    def noise(self, batch):
        """Noise for the generator (z: standard normal)."""
        return [tf.random.normal((batch, 2))]

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        return True, step % 5 == 4

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        real = batch
        fake = outputs_of(self.generator, self.noise(tf.shape(real)[0]), True)[0]
        d_real = outputs_of(self.discriminator, real, True)[0]
        d_fake = outputs_of(self.discriminator, fake, True)[0]
        columns = wasserstein_losses(d_real, d_fake)
        gp = gradient_penalty(self.discriminator, real, fake)
        return {**columns, "d_loss": columns["d_loss"] + self.GP_WEIGHT * gp, "gp": gp}

    def update(self, batch, network, optimizer, loss_name):
        # Gradients are summed over replicas, so each replica's mean loss counts 1/replicas.
        replicas = tf.distribute.get_strategy().num_replicas_in_sync
        with tf.GradientTape() as tape:
            columns = self.losses(batch)
        grads = tape.gradient(columns[loss_name] / replicas, network.trainable_weights)
        optimizer.apply_gradients(zip(grads, network.trainable_weights))
        return columns

    def d_update(self, batch):
        return self.update(batch, self.discriminator, self.d_optimizer, "d_loss")

    def g_update(self, batch):
        return self.update(batch, self.generator, self.g_optimizer, "g_loss")


def distributed_step(strategy, update, after=None):
    """One update on every replica as a compiled function; returns each loss column averaged over replicas."""

    @tf.function
    def step(batch):
        columns = strategy.run(update, args=(batch,))
        if after is not None:
            after()  # in cross-replica context, so every replica's copy of a variable gets the new value
        return {name: strategy.reduce(tf.distribute.ReduceOp.MEAN, value, axis=None) for name, value in columns.items()}

    return step


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train WGAN-GP toy (2-D) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named x of real samples (one row per example)")
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=256, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="wgan-gp-toy-2-d.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        generator = build_g()
        discriminator = build_d()
        gan = GAN(generator, discriminator)
    data = np.load(args.data)
    examples = data["x"]
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples)).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    d_step = distributed_step(strategy, gan.d_update)
    g_step = distributed_step(strategy, gan.g_update)
    step = 0
    for epoch in range(args.epochs):
        for batch in dataset:
            update_d, update_g = GAN.phase(step)
            columns = d_step(batch) if update_d else {}
            if update_g:
                # D-side columns come from D's update when it ran, the others from G's.
                columns = {**g_step(batch), **{name: columns[name] for name in GAN.D_SIDE if name in columns}}
            step += 1
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {float(value):.4f}" for name, value in columns.items()))
    generator.save(args.save)


if __name__ == "__main__":
    main()
