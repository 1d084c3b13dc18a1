"""YOLO v1 (mini)

YOLO v1's 24 convolutions and two dense layers at a sixteenth of the width for 64×64 shape scenes (a
3×3 first convolution, one max pooling fewer so the last maps stay 2×2, and batch normalization in
every convolution block, as YOLO v2 added, so it trains from scratch); the output is still a 7×7
grid of 2 boxes and 3 class probabilities per cell.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx64x64x3 -> grid Bx7x7x13

Train on one machine, on every GPU of this machine, or on several machines:
  python yolo-v1-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": image Bx64x64x3 -> grid Bx7x7x13; 468,357 parameters."""
    image = keras.Input(shape=(64, 64, 3), dtype="float32", name="image")

    # Block conv1 (Conv + leaky ReLU "conv 3×3/2 8", 248 parameters)
    conv1__conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv1__conv",
    )(image)
    conv1__bn = layers.BatchNormalization(name="conv1__bn")(conv1__conv)
    conv1__leaky = layers.LeakyReLU(0.1, name="conv1__leaky")(conv1__bn)

    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1__leaky)

    # Block conv2 (Conv + leaky ReLU "conv 3×3 12", 912 parameters)
    conv2__conv = layers.Conv2D(
        filters=12, kernel_size=(3, 3), padding="same", use_bias=False, name="conv2__conv",
    )(pool1)
    conv2__bn = layers.BatchNormalization(name="conv2__bn")(conv2__conv)
    conv2__leaky = layers.LeakyReLU(0.1, name="conv2__leaky")(conv2__bn)

    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2__leaky)

    # Block conv3 (1×1 reduce, 3×3 conv, 1,344 parameters)
    conv3__reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="conv3__reduce",
    )(pool2)
    conv3__bn1 = layers.BatchNormalization(name="conv3__bn1")(conv3__reduce)
    conv3__leaky1 = layers.LeakyReLU(0.1, name="conv3__leaky1")(conv3__bn1)
    conv3__conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="conv3__conv",
    )(conv3__leaky1)
    conv3__bn2 = layers.BatchNormalization(name="conv3__bn2")(conv3__conv)
    conv3__leaky2 = layers.LeakyReLU(0.1, name="conv3__leaky2")(conv3__bn2)

    # Block conv4 (1×1 reduce, 3×3 conv, 5,056 parameters)
    conv4__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv4__reduce",
    )(conv3__leaky2)
    conv4__bn1 = layers.BatchNormalization(name="conv4__bn1")(conv4__reduce)
    conv4__leaky1 = layers.LeakyReLU(0.1, name="conv4__leaky1")(conv4__bn1)
    conv4__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv4__conv",
    )(conv4__leaky1)
    conv4__bn2 = layers.BatchNormalization(name="conv4__bn2")(conv4__conv)
    conv4__leaky2 = layers.LeakyReLU(0.1, name="conv4__leaky2")(conv4__bn2)

    pool3 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool3",
    )(conv4__leaky2)

    # Block conv5a (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5a__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5a__reduce",
    )(pool3)
    conv5a__bn1 = layers.BatchNormalization(name="conv5a__bn1")(conv5a__reduce)
    conv5a__leaky1 = layers.LeakyReLU(0.1, name="conv5a__leaky1")(conv5a__bn1)
    conv5a__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5a__conv",
    )(conv5a__leaky1)
    conv5a__bn2 = layers.BatchNormalization(name="conv5a__bn2")(conv5a__conv)
    conv5a__leaky2 = layers.LeakyReLU(0.1, name="conv5a__leaky2")(conv5a__bn2)

    # Block conv5b (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5b__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5b__reduce",
    )(conv5a__leaky2)
    conv5b__bn1 = layers.BatchNormalization(name="conv5b__bn1")(conv5b__reduce)
    conv5b__leaky1 = layers.LeakyReLU(0.1, name="conv5b__leaky1")(conv5b__bn1)
    conv5b__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5b__conv",
    )(conv5b__leaky1)
    conv5b__bn2 = layers.BatchNormalization(name="conv5b__bn2")(conv5b__conv)
    conv5b__leaky2 = layers.LeakyReLU(0.1, name="conv5b__leaky2")(conv5b__bn2)

    # Block conv5c (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5c__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5c__reduce",
    )(conv5b__leaky2)
    conv5c__bn1 = layers.BatchNormalization(name="conv5c__bn1")(conv5c__reduce)
    conv5c__leaky1 = layers.LeakyReLU(0.1, name="conv5c__leaky1")(conv5c__bn1)
    conv5c__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5c__conv",
    )(conv5c__leaky1)
    conv5c__bn2 = layers.BatchNormalization(name="conv5c__bn2")(conv5c__conv)
    conv5c__leaky2 = layers.LeakyReLU(0.1, name="conv5c__leaky2")(conv5c__bn2)

    # Block conv5d (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5d__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5d__reduce",
    )(conv5c__leaky2)
    conv5d__bn1 = layers.BatchNormalization(name="conv5d__bn1")(conv5d__reduce)
    conv5d__leaky1 = layers.LeakyReLU(0.1, name="conv5d__leaky1")(conv5d__bn1)
    conv5d__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5d__conv",
    )(conv5d__leaky1)
    conv5d__bn2 = layers.BatchNormalization(name="conv5d__bn2")(conv5d__conv)
    conv5d__leaky2 = layers.LeakyReLU(0.1, name="conv5d__leaky2")(conv5d__bn2)

    # Block conv6 (1×1 reduce, 3×3 conv, 19,840 parameters)
    conv6__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv6__reduce",
    )(conv5d__leaky2)
    conv6__bn1 = layers.BatchNormalization(name="conv6__bn1")(conv6__reduce)
    conv6__leaky1 = layers.LeakyReLU(0.1, name="conv6__leaky1")(conv6__bn1)
    conv6__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv6__conv",
    )(conv6__leaky1)
    conv6__bn2 = layers.BatchNormalization(name="conv6__bn2")(conv6__conv)
    conv6__leaky2 = layers.LeakyReLU(0.1, name="conv6__leaky2")(conv6__bn2)

    # Block conv7a (1×1 reduce, 3×3 conv, 20,864 parameters)
    conv7a__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv7a__reduce",
    )(conv6__leaky2)
    conv7a__bn1 = layers.BatchNormalization(name="conv7a__bn1")(conv7a__reduce)
    conv7a__leaky1 = layers.LeakyReLU(0.1, name="conv7a__leaky1")(conv7a__bn1)
    conv7a__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv7a__conv",
    )(conv7a__leaky1)
    conv7a__bn2 = layers.BatchNormalization(name="conv7a__bn2")(conv7a__conv)
    conv7a__leaky2 = layers.LeakyReLU(0.1, name="conv7a__leaky2")(conv7a__bn2)

    # Block conv7b (1×1 reduce, 3×3 conv, 20,864 parameters)
    conv7b__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv7b__reduce",
    )(conv7a__leaky2)
    conv7b__bn1 = layers.BatchNormalization(name="conv7b__bn1")(conv7b__reduce)
    conv7b__leaky1 = layers.LeakyReLU(0.1, name="conv7b__leaky1")(conv7b__bn1)
    conv7b__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv7b__conv",
    )(conv7b__leaky1)
    conv7b__bn2 = layers.BatchNormalization(name="conv7b__bn2")(conv7b__conv)
    conv7b__leaky2 = layers.LeakyReLU(0.1, name="conv7b__leaky2")(conv7b__bn2)

    # Block conv8 (Conv + leaky ReLU, 37,120 parameters)
    conv8__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv8__conv",
    )(conv7b__leaky2)
    conv8__bn = layers.BatchNormalization(name="conv8__bn")(conv8__conv)
    conv8__leaky = layers.LeakyReLU(0.1, name="conv8__leaky")(conv8__bn)

    # Block conv9 (Conv + leaky ReLU "conv 3×3/2 64", 37,120 parameters)
    conv9__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv9__conv",
    )(conv8__leaky)
    conv9__bn = layers.BatchNormalization(name="conv9__bn")(conv9__conv)
    conv9__leaky = layers.LeakyReLU(0.1, name="conv9__leaky")(conv9__bn)

    # Block conv10 (Conv + leaky ReLU, 37,120 parameters)
    conv10__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv10__conv",
    )(conv9__leaky)
    conv10__bn = layers.BatchNormalization(name="conv10__bn")(conv10__conv)
    conv10__leaky = layers.LeakyReLU(0.1, name="conv10__leaky")(conv10__bn)

    # Block conv11 (Conv + leaky ReLU, 37,120 parameters)
    conv11__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv11__conv",
    )(conv10__leaky)
    conv11__bn = layers.BatchNormalization(name="conv11__bn")(conv11__conv)
    conv11__leaky = layers.LeakyReLU(0.1, name="conv11__leaky")(conv11__bn)

    flatten = layers.Flatten(name="flatten")(conv11__leaky)
    fc1 = layers.Dense(units=256, kernel_initializer="glorot_normal", name="fc1")(flatten)
    fc1_leaky = layers.LeakyReLU(0.1, name="fc1_leaky")(fc1)
    fc1_drop = layers.Dropout(rate=0.5, name="fc1_drop")(fc1_leaky)
    # Linear output: Dense 637
    fc2 = layers.Dense(units=637, kernel_initializer="glorot_normal", name="fc2")(fc1_drop)
    # 7×7 grid × (2·5 + 3): Reshape → 7×7×13
    grid = layers.Reshape(target_shape=(7, 7, 13), name="grid")(fc2)
    return keras.Model(inputs=[image], outputs=[grid], name="net")


# The yolo recipe's settings (training.options; the runtime's defaults where unset).
GRID_SIZE = 7  # S: the output is an S×S grid
BOXES_PER_CELL = 2  # B: each cell holds B × (x, y, w, h, confidence), then the class probabilities
CLASSES = 3
LAMBDA_COORD = 5
LAMBDA_NOOBJ = 0.5
SQRT_WIDTH_HEIGHT = True  # the network regresses √w, √h
LOSS_WEIGHT = 1  # the yoloV1 loss's weight on 'grid'


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def yolo_targets(boxes, box_classes):
    """Redmon et al. 2016's targets for every image, from its boxes [n, M, 4] (x0, y0, x1, y1 as fractions of the
    image side) and box classes [n, M] (-1 for an empty row). The cell holding an object's centre is responsible for
    it (a later object in a cell replaces an earlier one, as in the paper). Returns obj [n, S, S] (1 where a cell has
    an object), coords [n, S, S, 4] (x, y within the cell; w, h, or their square roots), the object's corners
    [n, S, S, 4] and its one-hot class [n, S, S, CLASSES]."""
    n, S = len(boxes), GRID_SIZE
    obj = np.zeros((n, S, S), np.float32)
    coords = np.zeros((n, S, S, 4), np.float32)
    corners = np.zeros((n, S, S, 4), np.float32)
    classes = np.zeros((n, S, S, CLASSES), np.float32)
    for i in range(n):
        for (x0, y0, x1, y1), cls in zip(boxes[i], box_classes[i]):
            if cls < 0:
                continue
            if cls >= CLASSES:
                raise ValueError(f"image {i} has a box of class {int(cls)}, but the network was exported for {CLASSES} classes (training.options.classes)")
            cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
            col, row = min(S - 1, int(np.floor(cx * S))), min(S - 1, int(np.floor(cy * S)))
            size = (np.sqrt(w), np.sqrt(h)) if SQRT_WIDTH_HEIGHT else (w, h)
            obj[i, row, col] = 1
            coords[i, row, col] = (cx * S - col, cy * S - row, *size)
            corners[i, row, col] = (x0, y0, x1, y1)
            classes[i, row, col] = 0
            classes[i, row, col, int(cls)] = 1
    return obj, coords, corners, classes


def predictor_iou(xywh, corners):
    """IoU of every predicted box [n, S, S, B, 4 as x, y, w', h'] with its cell's object, given by corners [n, S, S, 4]."""
    S = GRID_SIZE
    col = tf.reshape(tf.range(S, dtype=tf.float32), (1, 1, S, 1))
    row = tf.reshape(tf.range(S, dtype=tf.float32), (1, S, 1, 1))
    cx = (xywh[..., 0] + col) / S
    cy = (xywh[..., 1] + row) / S
    w = tf.square(xywh[..., 2]) if SQRT_WIDTH_HEIGHT else tf.nn.relu(xywh[..., 2])
    h = tf.square(xywh[..., 3]) if SQRT_WIDTH_HEIGHT else tf.nn.relu(xywh[..., 3])
    x0, y0, x1, y1 = (corners[:, :, :, None, k] for k in range(4))
    ix = tf.nn.relu(tf.minimum(cx + w / 2, x1) - tf.maximum(cx - w / 2, x0))
    iy = tf.nn.relu(tf.minimum(cy + h / 2, y1) - tf.maximum(cy - h / 2, y0))
    inter = ix * iy
    union = w * h + (x1 - x0) * (y1 - y0) - inter
    return inter / tf.maximum(union, 1e-9)


def per_image_sum(x):
    return tf.reduce_sum(tf.reshape(x, (tf.shape(x)[0], -1)), axis=1)


def yolo_losses(pred, obj, coords, corners, classes):
    """The paper's sum-squared loss for predictions [n, S, S, 5B + CLASSES], in four parts, each summed over the
    grid of every image:
      coordinate_loss  LAMBDA_COORD · Σ 1ᵒᵇʲᵢⱼ [(x−x̂)² + (y−ŷ)² + (√w−√ŵ)² + (√h−√ĥ)²]
      object_loss      Σ 1ᵒᵇʲᵢⱼ (C−Ĉ)², the confidence target C being the responsible box's IoU with the object
      no_object_loss   LAMBDA_NOOBJ · Σ 1ⁿᵒᵒᵇʲᵢⱼ Ĉ²
      class_loss       Σᵢ 1ᵒᵇʲᵢ Σ_c (p(c)−p̂(c))²
    where 1ᵒᵇʲᵢⱼ marks, in each cell with an object, the one of its B boxes that overlaps the object most."""
    S, B = GRID_SIZE, BOXES_PER_CELL
    boxes = tf.reshape(pred[..., : 5 * B], (-1, S, S, B, 5))
    probs = pred[..., 5 * B :]
    xy, wh, confidence = boxes[..., 0:2], boxes[..., 2:4], boxes[..., 4]
    # Which box is responsible, and its confidence target, are constants of the step.
    overlap = tf.stop_gradient(predictor_iou(boxes[..., :4], corners))
    responsible = tf.one_hot(tf.argmax(overlap, axis=-1), B) * obj[..., None]
    r = responsible[..., None]
    coordinate = LAMBDA_COORD * (
        per_image_sum(r * tf.square(xy - coords[:, :, :, None, 0:2])) + per_image_sum(r * tf.square(wh - coords[:, :, :, None, 2:4]))
    )
    return {
        "coordinate_loss": coordinate,
        "object_loss": per_image_sum(responsible * tf.square(confidence - responsible * overlap)),
        "no_object_loss": LAMBDA_NOOBJ * per_image_sum((1.0 - responsible) * tf.square(confidence)),
        "class_loss": per_image_sum(obj[..., None] * tf.square(probs - classes)),
    }


def yolo_step_losses(model, batch, training=False):
    """This replica's share of the batch's losses: per image, averaged over the global batch."""
    images, obj, coords, corners, classes = batch
    parts = yolo_losses(outputs_of(model, images, training)[0], obj, coords, corners, classes)
    losses = {"loss": LOSS_WEIGHT * tf.nn.compute_average_loss(tf.add_n(list(parts.values())))}
    losses.update({name: tf.nn.compute_average_loss(value) for name, value in parts.items()})
    return losses


def distributed_train_step(strategy, model, optimizer, losses_fn):
    """One update on every replica as a compiled function. Each replica's losses are its share of the
    global batch's (divided by the global batch, or the global count they are averaged over), so the
    gradients the optimizer sums over replicas, and the losses summed here, are the whole batch's."""

    def update(batch):
        with tf.GradientTape() as tape:
            losses = losses_fn(model, batch, training=True)
        grads = tape.gradient(losses["loss"], model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        return losses

    @tf.function
    def step(batch):
        losses = strategy.run(update, args=(batch,))
        return {name: strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None) for name, value in losses.items()}

    return step


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train YOLO v1 (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image (images), boxes (n x M x 4: x0, y0, x1, y1 as fractions of the image side) and box_classes (n x M: class ids, -1 for an empty row)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="yolo-v1-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
    data = np.load(args.data)
    examples = (data["image"].astype(np.float32), *yolo_targets(data["boxes"], data["box_classes"]))
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    step = distributed_train_step(strategy, model, optimizer, yolo_step_losses)
    for epoch in range(args.epochs):
        sums, batches = {}, 0
        for batch in dataset:
            for name, value in step(batch).items():
                sums[name] = sums.get(name, 0.0) + float(value)
            batches += 1
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {total / batches:.4f}" for name, total in sums.items()))
    model.save(args.save)


if __name__ == "__main__":
    main()
