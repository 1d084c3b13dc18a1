"""OverFeat (mini)

OverFeat's layers and convolutional classifier scaled to 32×32 shapes: a 32×32 image gives one score
vector, and every 8 more pixels add a row or column to the score map.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> probs Bx3
  build_score_map()  network "score-map": image Bx32x32x3 -> class_map Bx1x1x3

Train on one machine, on every GPU of this machine, or on several machines:
  python overfeat-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": image Bx32x32x3 -> probs Bx3; 47,763 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    conv1 = layers.Conv2D(filters=8, kernel_size=(5, 5), activation="relu", name="conv1")(image)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1)
    conv2 = layers.Conv2D(filters=16, kernel_size=(3, 3), activation="relu", name="conv2")(pool1)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2)
    conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv3",
    )(pool2)
    conv4 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv4",
    )(conv3)
    conv5 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv5",
    )(conv4)
    pool5 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5")(conv5)
    # fc6 as 3×3 conv: Conv 2D 64@3x3 s1 valid relu
    fc6 = layers.Conv2D(filters=64, kernel_size=(3, 3), activation="relu", name="fc6")(pool5)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    # fc7 as 1×1 conv: Conv 2D 64@1x1 s1 valid relu
    fc7 = layers.Conv2D(filters=64, kernel_size=(1, 1), activation="relu", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # fc8 as 1×1 conv: Conv 2D 3@1x1 s1 valid
    fc8 = layers.Conv2D(filters=3, kernel_size=(1, 1), name="fc8")(drop7)
    # Class scores per window: Softmax
    class_map = layers.Softmax(axis=-1, name="class_map")(fc8)
    # Best window per class: Global max pooling 2D
    probs = layers.GlobalMaxPooling2D(name="probs")(class_map)
    return keras.Model(inputs=[image], outputs=[probs], name="net")


def build_score_map():
    """Network "score-map": image Bx32x32x3 -> class_map Bx1x1x3; 47,763 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    conv1 = layers.Conv2D(filters=8, kernel_size=(5, 5), activation="relu", name="conv1")(image)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1)
    conv2 = layers.Conv2D(filters=16, kernel_size=(3, 3), activation="relu", name="conv2")(pool1)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2)
    conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv3",
    )(pool2)
    conv4 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv4",
    )(conv3)
    conv5 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="conv5",
    )(conv4)
    pool5 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5")(conv5)
    # fc6 as 3×3 conv: Conv 2D 64@3x3 s1 valid relu
    fc6 = layers.Conv2D(filters=64, kernel_size=(3, 3), activation="relu", name="fc6")(pool5)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    # fc7 as 1×1 conv: Conv 2D 64@1x1 s1 valid relu
    fc7 = layers.Conv2D(filters=64, kernel_size=(1, 1), activation="relu", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # fc8 as 1×1 conv: Conv 2D 3@1x1 s1 valid
    fc8 = layers.Conv2D(filters=3, kernel_size=(1, 1), name="fc8")(drop7)
    # Class scores per window: Softmax
    class_map = layers.Softmax(axis=-1, name="class_map")(fc8)
    return keras.Model(inputs=[image], outputs=[class_map], name="score-map")


def training_model_net(model):
    """The network with only the outputs that have a loss (probs), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.003, beta_1=0.9, beta_2=0.999)
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
    parser = argparse.ArgumentParser(description="Train OverFeat (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, probs (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="overfeat-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["probs"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
