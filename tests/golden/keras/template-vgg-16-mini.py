"""VGG-16 (mini)

VGG-16's five stages and thirteen 3×3 convolutions at a sixteenth of the width, for 32×32 shapes,
with batch normalization after each convolution (as torchvision's vgg16_bn) so that it trains from
scratch in minutes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> fc8 Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python vgg-16-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_net():
    """Network "net": image Bx32x32x3 -> fc8 Bx3; 65,087 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")

    # Block block1 (2 × conv 3×3 "conv1 (2 × 4)", 284 parameters)
    block1__conv1 = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="block1__conv1",
    )(image)
    block1__bn1 = layers.BatchNormalization(name="block1__bn1")(block1__conv1)
    block1__relu1 = layers.ReLU(name="block1__relu1")(block1__bn1)
    block1__conv2 = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="block1__conv2",
    )(block1__relu1)
    block1__bn2 = layers.BatchNormalization(name="block1__bn2")(block1__conv2)
    block1__relu2 = layers.ReLU(name="block1__relu2")(block1__bn2)

    pool1 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1",
    )(block1__relu2)

    # Block block2 (2 × conv 3×3 "conv2 (2 × 8)", 928 parameters)
    block2__conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="block2__conv1",
    )(pool1)
    block2__bn1 = layers.BatchNormalization(name="block2__bn1")(block2__conv1)
    block2__relu1 = layers.ReLU(name="block2__relu1")(block2__bn1)
    block2__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="block2__conv2",
    )(block2__relu1)
    block2__bn2 = layers.BatchNormalization(name="block2__bn2")(block2__conv2)
    block2__relu2 = layers.ReLU(name="block2__relu2")(block2__bn2)

    pool2 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2",
    )(block2__relu2)

    # Block block3 (3 × conv 3×3 "conv3 (3 × 16)", 5,952 parameters)
    block3__conv1 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv1",
    )(pool2)
    block3__bn1 = layers.BatchNormalization(name="block3__bn1")(block3__conv1)
    block3__relu1 = layers.ReLU(name="block3__relu1")(block3__bn1)
    block3__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv2",
    )(block3__relu1)
    block3__bn2 = layers.BatchNormalization(name="block3__bn2")(block3__conv2)
    block3__relu2 = layers.ReLU(name="block3__relu2")(block3__bn2)
    block3__conv3 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv3",
    )(block3__relu2)
    block3__bn3 = layers.BatchNormalization(name="block3__bn3")(block3__conv3)
    block3__relu3 = layers.ReLU(name="block3__relu3")(block3__bn3)

    pool3 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool3",
    )(block3__relu3)

    # Block block4 (3 × conv 3×3 "conv4 (3 × 32)", 23,424 parameters)
    block4__conv1 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv1",
    )(pool3)
    block4__bn1 = layers.BatchNormalization(name="block4__bn1")(block4__conv1)
    block4__relu1 = layers.ReLU(name="block4__relu1")(block4__bn1)
    block4__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv2",
    )(block4__relu1)
    block4__bn2 = layers.BatchNormalization(name="block4__bn2")(block4__conv2)
    block4__relu2 = layers.ReLU(name="block4__relu2")(block4__bn2)
    block4__conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv3",
    )(block4__relu2)
    block4__bn3 = layers.BatchNormalization(name="block4__bn3")(block4__conv3)
    block4__relu3 = layers.ReLU(name="block4__relu3")(block4__bn3)

    pool4 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool4",
    )(block4__relu3)

    # Block block5 (3 × conv 3×3 "conv5 (3 × 32)", 28,032 parameters)
    block5__conv1 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv1",
    )(pool4)
    block5__bn1 = layers.BatchNormalization(name="block5__bn1")(block5__conv1)
    block5__relu1 = layers.ReLU(name="block5__relu1")(block5__bn1)
    block5__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv2",
    )(block5__relu1)
    block5__bn2 = layers.BatchNormalization(name="block5__bn2")(block5__conv2)
    block5__relu2 = layers.ReLU(name="block5__relu2")(block5__bn2)
    block5__conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv3",
    )(block5__relu2)
    block5__bn3 = layers.BatchNormalization(name="block5__bn3")(block5__conv3)
    block5__relu3 = layers.ReLU(name="block5__relu3")(block5__bn3)

    pool5 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5",
    )(block5__relu3)
    flatten = layers.Flatten(name="flatten")(pool5)
    fc6 = layers.Dense(units=64, activation="relu", kernel_initializer="glorot_normal", name="fc6")(flatten)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    fc7 = layers.Dense(units=64, activation="relu", kernel_initializer="glorot_normal", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # Classifier: Dense 3 softmax
    fc8 = layers.Dense(units=3, activation="softmax", kernel_initializer="glorot_normal", name="fc8")(drop7)
    return keras.Model(inputs=[image], outputs=[fc8], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (fc8), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
    trainable.compile(
        optimizer=optimizer,
        loss=["categorical_crossentropy"],
        loss_weights=[1],
        metrics=["accuracy"],
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
    parser = argparse.ArgumentParser(description="Train VGG-16 (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, fc8 (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="vgg-16-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["fc8"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
