/**
 * The Python the Keras export prints for the detection recipes (keras-training-detection.ts),
 * kept as plain text so it reads as the Python it is. Targets are numpy, computed once for the
 * whole dataset; the losses use a few TensorFlow ops (tests run them on numpy against
 * runtime/detection/yolo.ts, ssd.ts and ssd-loss.ts). The settings are module constants.
 */

const python = (text: string): readonly string[] => text.replace(/^\n/, "").replace(/\n$/, "").split("\n");

export const YOLO_LINES = python(`
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
`);

export const SSD_LINES = python(`
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
`);
