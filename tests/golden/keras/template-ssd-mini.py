"""SSD (mini)

SSD's VGG base, fc6/fc7, extra layers and multibox heads at a sixteenth of the width for 64×64 shape
scenes, with batch normalization in the VGG and extra-layer blocks so it trains from scratch: four
feature maps (8, 4, 2, 1) and 380 default boxes, 3 shape classes plus background.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx64x64x3 -> classes Bx380x4, boxes Bx380x4

Train on one machine, on every GPU of this machine, or on several machines:
  python ssd-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": image Bx64x64x3 -> classes Bx380x4, boxes Bx380x4; 152,476 parameters."""
    image = keras.Input(shape=(64, 64, 3), dtype="float32", name="image")

    # Block block1 (2 × conv 3×3, 284 parameters)
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

    # Block block2 (2 × conv 3×3, 928 parameters)
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

    # Block block3 (3 × conv 3×3, 5,952 parameters)
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

    # pool3 (rounds up): Max pooling 2D 2x2 s2 same
    pool3 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same", name="pool3")(block3__relu3)

    # Block block4 (3 × conv 3×3 "conv4_3 → map 1", 23,424 parameters)
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

    # Block head1 (Multibox head "Head on map 1 (4 boxes)", 9,248 parameters)
    head1__score_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head1__score_conv",
    )(block4__relu3)
    head1__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head1__offset_conv",
    )(block4__relu3)
    head1__score_rows = layers.Reshape(target_shape=(256, 4), name="head1__score_rows")(head1__score_conv)
    head1__offset_rows = layers.Reshape(target_shape=(256, 4), name="head1__offset_rows")(head1__offset_conv)

    # Block block5 (3 × conv 3×3, 28,032 parameters)
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

    pool5 = layers.MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same", name="pool5")(block5__relu3)
    # fc6 as 3×3 conv: Conv 2D 64@3x3 s1 same relu
    fc6 = layers.Conv2D(filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="fc6")(pool5)
    # fc7 → map 2: Conv 2D 64@1x1 s1 same relu
    fc7 = layers.Conv2D(filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="fc7")(fc6)

    # Block conv8 (Extra feature layer "conv8_2 → map 3", 5,824 parameters)
    conv8__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv8__reduce",
    )(fc7)
    conv8__bn1 = layers.BatchNormalization(name="conv8__bn1")(conv8__reduce)
    conv8__relu1 = layers.ReLU(name="conv8__relu1")(conv8__bn1)
    conv8__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv8__conv",
    )(conv8__relu1)
    conv8__bn2 = layers.BatchNormalization(name="conv8__bn2")(conv8__conv)
    conv8__relu2 = layers.ReLU(name="conv8__relu2")(conv8__bn2)

    # Block head2 (Multibox head "Head on map 2 (6 boxes)", 27,696 parameters)
    head2__score_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head2__score_conv",
    )(fc7)
    head2__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head2__offset_conv",
    )(fc7)
    head2__score_rows = layers.Reshape(target_shape=(96, 4), name="head2__score_rows")(head2__score_conv)
    head2__offset_rows = layers.Reshape(target_shape=(96, 4), name="head2__offset_rows")(head2__offset_conv)

    # Block conv9 (Extra feature layer "conv9_2 → map 4", 5,312 parameters)
    conv9__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv9__reduce",
    )(conv8__relu2)
    conv9__bn1 = layers.BatchNormalization(name="conv9__bn1")(conv9__reduce)
    conv9__relu1 = layers.ReLU(name="conv9__relu1")(conv9__bn1)
    conv9__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv9__conv",
    )(conv9__relu1)
    conv9__bn2 = layers.BatchNormalization(name="conv9__bn2")(conv9__conv)
    conv9__relu2 = layers.ReLU(name="conv9__relu2")(conv9__bn2)

    # Block head3 (Multibox head "Head on map 3 (6 boxes)", 13,872 parameters)
    head3__score_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head3__score_conv",
    )(conv8__relu2)
    head3__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head3__offset_conv",
    )(conv8__relu2)
    head3__score_rows = layers.Reshape(target_shape=(24, 4), name="head3__score_rows")(head3__score_conv)
    head3__offset_rows = layers.Reshape(target_shape=(24, 4), name="head3__offset_rows")(head3__offset_conv)

    # Block head4 (Multibox head "Head on map 4 (4 boxes)", 9,248 parameters)
    head4__score_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head4__score_conv",
    )(conv9__relu2)
    head4__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head4__offset_conv",
    )(conv9__relu2)
    head4__score_rows = layers.Reshape(target_shape=(4, 4), name="head4__score_rows")(head4__score_conv)
    head4__offset_rows = layers.Reshape(target_shape=(4, 4), name="head4__offset_rows")(head4__offset_conv)

    # All default boxes: Concatenate axis 1, 4 inputs
    scores = layers.Concatenate(
        axis=1, name="scores",
    )([head1__score_rows, head2__score_rows, head3__score_rows, head4__score_rows])
    # Box offsets: Concatenate axis 1, 4 inputs
    boxes = layers.Concatenate(
        axis=1, name="boxes",
    )([head1__offset_rows, head2__offset_rows, head3__offset_rows, head4__offset_rows])
    # Class probabilities: Softmax
    classes = layers.Softmax(axis=-1, name="classes")(scores)
    return keras.Model(inputs=[image], outputs=[classes, boxes], name="net")


# The ssd recipe's settings (training.options; the runtime's defaults where unset).
CLASSES = 3  # object classes; the class output has one more column, the background
BACKGROUND_CLASS = 0  # the background's column; object class c sits in column c, or c + 1 from it on
FEATURE_MAPS = [8, 4, 2, 1]  # the side of each feature map the heads read, in head order
ASPECT_RATIOS = [[2], [2, 3], [2, 3], [2]]  # extra ratios per map (1 is always there)
MIN_SCALE, MAX_SCALE = 0.2, 0.9
# One scale per map, evenly from MIN_SCALE to MAX_SCALE, and 1 for the last map's second square box.
SCALES = [MIN_SCALE + (MAX_SCALE - MIN_SCALE) * k / max(1, len(FEATURE_MAPS) - 1) for k in range(len(FEATURE_MAPS))] + [1.0]
IOU_THRESHOLD = 0.5
NEGATIVES_PER_POSITIVE = 3
BOX_VARIANCES = [0.1, 0.1, 0.2, 0.2]
CONFIDENCE_WEIGHT = 1  # the ssdConfidence loss's weight on 'classes'
LOCALIZATION_WEIGHT = 1  # the ssdLocalization loss's weight on 'boxes' (the paper's α)


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def default_boxes():
    """Liu et al. 2016's default boxes as rows (cx, cy, w, h), in the order of the heads' rows: map by map, row by row,
    column by column, and at each position the square box of the map's scale s, the square box of √(s·s'), s' the next
    map's scale, then for each extra ratio r the boxes (s√r × s/√r) and (s/√r × s√r)."""
    boxes = []
    for k, side in enumerate(FEATURE_MAPS):
        s = SCALES[k]
        shapes = [(s, s), (np.sqrt(s * SCALES[k + 1]), np.sqrt(s * SCALES[k + 1]))]
        for r in ASPECT_RATIOS[k]:
            shapes += [(s * np.sqrt(r), s / np.sqrt(r)), (s / np.sqrt(r), s * np.sqrt(r))]
        for y in range(side):
            for x in range(side):
                boxes += [((x + 0.5) / side, (y + 0.5) / side, w, h) for w, h in shapes]
    return np.array(boxes)


def corners_of(centred):
    """(cx, cy, w, h) rows -> (x0, y0, x1, y1) rows."""
    cx, cy, w, h = centred.T
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)


def box_iou(a, b):
    """Intersection over union of corner boxes a [A, 4] with b [T, 4] -> [A, T]; 0 where they do not overlap."""
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.where((w > 0) & (h > 0), w * h, 0.0)
    area = lambda x: np.maximum(0, x[:, 2] - x[:, 0]) * np.maximum(0, x[:, 3] - x[:, 1])
    union = area(a)[:, None] + area(b)[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)


def ssd_encode(boxes, anchors):
    """The regression target of corner boxes against default boxes (cx, cy, w, h): the centre shift in units of the
    default box's size and the log of the size ratio, each divided by its variance."""
    centred = np.stack([(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2, boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]], axis=1)
    return np.stack([
        (centred[:, 0] - anchors[:, 0]) / anchors[:, 2] / BOX_VARIANCES[0],
        (centred[:, 1] - anchors[:, 1]) / anchors[:, 3] / BOX_VARIANCES[1],
        np.log(centred[:, 2] / anchors[:, 2]) / BOX_VARIANCES[2],
        np.log(centred[:, 3] / anchors[:, 3]) / BOX_VARIANCES[3],
    ], axis=1)


def ssd_match(anchors, truths, truth_classes):
    """The paper's matching for one image: each ground-truth box takes the default box that overlaps it most, then every
    default box whose best overlap is at least IOU_THRESHOLD takes that ground truth. Returns each default box's column
    of the class output (BACKGROUND_CLASS where unmatched) and its encoded offsets (zeros where unmatched)."""
    labels = np.full(len(anchors), BACKGROUND_CLASS, np.int32)
    offsets = np.zeros((len(anchors), 4), np.float32)
    if len(truths) == 0:
        return labels, offsets
    overlap = box_iou(corners_of(anchors), truths)
    best_iou = overlap.max(axis=1)
    best = np.where(best_iou > 0, overlap.argmax(axis=1), -1)
    forced = np.zeros(len(anchors), bool)
    for j in range(len(truths)):
        if forced.all():
            break
        # Ground truth j keeps its best default box (not yet taken), whatever the overlap.
        a = int(np.argmax(np.where(forced, -np.inf, overlap[:, j])))
        forced[a], best[a], best_iou[a] = True, j, 1.0
    matched = (best >= 0) & (best_iou >= IOU_THRESHOLD)
    cls = truth_classes[best[matched]].astype(np.int32)
    labels[matched] = np.where(cls >= BACKGROUND_CLASS, cls + 1, cls)
    offsets[matched] = ssd_encode(truths[best[matched]], anchors[matched])
    return labels, offsets


def ssd_targets(boxes, box_classes, anchors):
    """Class columns [n, A] and encoded offsets [n, A, 4] for every image, from its boxes [n, M, 4] (corners as
    fractions of the image side) and box classes [n, M] (-1 for an empty row)."""
    labels = np.zeros((len(boxes), len(anchors)), np.int32)
    offsets = np.zeros((len(boxes), len(anchors), 4), np.float32)
    for i in range(len(boxes)):
        keep = box_classes[i] >= 0
        if np.any(box_classes[i][keep] >= CLASSES):
            raise ValueError(f"image {i} has a box of class {int(box_classes[i][keep].max())}, but the network was exported for {CLASSES} classes (training.options.classes)")
        labels[i], offsets[i] = ssd_match(anchors, np.asarray(boxes[i][keep], np.float64), box_classes[i][keep])
    return labels, offsets


def mine_negatives(ce, positive):
    """Hard negative mining: 1 for the background boxes kept, per image the NEGATIVES_PER_POSITIVE × positives ones
    with the largest confidence loss (ties broken by order)."""
    count = tf.cast(tf.shape(ce)[1], tf.float32)
    negative_loss = ce * (1.0 - positive) - positive  # positives rank last
    order = tf.argsort(negative_loss, axis=1, direction="DESCENDING", stable=True)
    rank = tf.cast(tf.argsort(order, axis=1, stable=True), tf.float32)
    positives = tf.reduce_sum(positive, axis=1, keepdims=True)
    quota = tf.minimum(positives * NEGATIVES_PER_POSITIVE, count - positives)
    return tf.cast(rank < quota, tf.float32) * (1.0 - positive)


def multibox_losses(probs, offsets, labels, target_offsets):
    """The multibox loss's two sums per image, for class probabilities [n, A, CLASSES + 1] (the heads' softmax) and
    offsets [n, A, 4], and the number of positives; the caller divides both sums by the positives (N_pos):
      confidence    Σ_pos −log p(label) + Σ_mined −log p(background)
      localization  Σ_pos smoothL1(offsets − encoded target)"""
    positive = tf.cast(tf.not_equal(labels, BACKGROUND_CLASS), tf.float32)
    p = tf.clip_by_value(tf.reduce_sum(probs * tf.one_hot(labels, CLASSES + 1), axis=-1), 1e-7, 1.0)
    ce = -tf.math.log(p)
    mined = tf.stop_gradient(mine_negatives(ce, positive))
    error = tf.abs(offsets - target_offsets)
    quadratic = tf.minimum(error, 1.0)
    smooth_l1 = 0.5 * tf.square(quadratic) + error - quadratic
    confidence = tf.reduce_sum((positive + mined) * ce, axis=1)
    localization = tf.reduce_sum(positive[..., None] * smooth_l1, axis=[1, 2])
    return confidence, localization, tf.reduce_sum(positive)


def ssd_step_losses(model, batch, training=False):
    """This replica's share of the batch's losses. N_pos counts the positives of the whole global batch, so every
    replica divides by the same count and the shares add up to the batch's loss."""
    images, labels, target_offsets = batch
    outputs = outputs_of(model, images, training)
    confidence, localization, positives = multibox_losses(outputs[0], outputs[1], labels, target_offsets)
    all_positives = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, positives)
    count = tf.maximum(all_positives, 1.0)
    confidence, localization = tf.reduce_sum(confidence) / count, tf.reduce_sum(localization) / count
    return {
        "loss": CONFIDENCE_WEIGHT * confidence + LOCALIZATION_WEIGHT * localization,
        "classes_loss": confidence,
        "boxes_loss": localization,
    }


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
    parser = argparse.ArgumentParser(description="Train SSD (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image (images), boxes (n x M x 4: x0, y0, x1, y1 as fractions of the image side) and box_classes (n x M: class ids, -1 for an empty row)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="ssd-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
    data = np.load(args.data)
    examples = (data["image"].astype(np.float32), *ssd_targets(data["boxes"], data["box_classes"], default_boxes()))
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    step = distributed_train_step(strategy, model, optimizer, ssd_step_losses)
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
