// Weights and inputs for the full-size output comparison (full-size-outputs.test.ts), made the same
// way on both sides, the app's tfjs and the exported code's plain @tensorflow/tfjs, so no model's
// weights are ever copied: each weight is drawn from a generator seeded by (layer name, weight
// name, shape), scaled like LeCun's fan-in initialisation so activations neither vanish nor
// saturate through 50 layers and a 1e-5 absolute tolerance means something.
// Plain JavaScript: the child process imports it without a TypeScript loader.

/** FNV-1a over a string, then an avalanche: one 32-bit seed per weight. */
export function seedOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** `size` values uniform in [lo, hi) from mulberry32 seeded with `seed`. */
export function uniform(seed, size, lo, hi) {
  const out = new Float32Array(size);
  const span = (hi - lo) / 4294967296;
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + ((t ^ (t >>> 14)) >>> 0) * span;
  }
  return out;
}

/** The range a weight is drawn from, by its Keras name: batch-norm statistics stay positive and near 1. */
export function rangeOf(weightName, shape) {
  const name = weightName.split("/").pop() ?? weightName;
  if (/variance|gamma/.test(name)) return [0.5, 1.5];
  if (/bias|beta|mean/.test(name) || shape.length < 2) return [-0.1, 0.1];
  if (/embeddings/.test(name)) return [-1, 1];
  // Fan-in: every axis but the last (dense [in, out], conv [kh, kw, in, out]); variance 1/fan-in (LeCun): residual stacks stay unsaturated.
  const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const a = Math.sqrt(3 / fanIn);
  return [-a, a];
}

/** A tfjs initialiser giving the generated values of the weight `key`. */
function generated(tf, key, weightName) {
  return {
    apply(shape) {
      const [lo, hi] = rangeOf(weightName, shape);
      return tf.tensor(uniform(seedOf(key), shape.reduce((a, b) => a * b, 1), lo, hi), shape, "float32");
    },
    getConfig: () => ({}),
  };
}

/**
 * Runs a synchronous model build in which every weight is created with its generated values, so
 * a model never holds anything else (no initialiser's values to replace: beside the model only
 * one weight's values exist, for a moment). A weight is keyed by its layer's name, its own name
 * and shape. Layers that are not top-level layers of the topology (`layerNames`) are named by a
 * process-wide counter (Bidirectional's RNNs), so their weights start as zeros and are returned
 * for fillInner to key by their top-level layer.
 */
export function withGeneratedInit(tf, layerNames, build) {
  const names = new Set(layerNames);
  const inner = new Set();
  const zeros = tf.initializers.zeros();
  const proto = tf.layers.Layer.prototype;
  const original = proto.addWeight;
  proto.addWeight = function generatedAddWeight(name, shape, dtype, _initializer, regularizer, trainable, constraint) {
    const top = names.has(this.name);
    const init = top ? generated(tf, `${this.name}|${name}|${shape.join("x")}`, name) : zeros;
    // The last argument covers tfjs's fast-init path, which would otherwise use zeros.
    const variable = original.call(this, name, shape, dtype, init, regularizer, trainable, constraint, () => init);
    if (!top) inner.add(variable);
    return variable;
  };
  try {
    return { built: build(), inner };
  } finally {
    proto.addWeight = original;
  }
}

/** Gives the weights withGeneratedInit left as zeros their values, keyed by top-level layer and index. Returns how many values all weights hold. */
export function fillInner(tf, model, inner) {
  let count = 0;
  for (const layer of model.layers) {
    layer.weights.forEach((w, i) => {
      const shape = w.shape;
      count += shape.reduce((a, b) => a * b, 1);
      if (!inner.has(w)) return;
      const t = generated(tf, `${layer.name}#${i}|${shape.join("x")}`, w.originalName ?? w.name).apply(shape);
      w.write(t);
      t.dispose();
    });
  }
  return count;
}

/** The one input both sides feed a network: batch 1, free dimensions `free`, uniform [-1, 1) (token ids below `vocab` for int32). */
export function inputValues(index, shape, dtype, vocab, free) {
  const dims = shape.map((d, i) => (i === 0 ? 1 : d ?? free));
  const size = dims.reduce((a, b) => a * b, 1);
  const values = uniform(seedOf(`input|${index}|${dims.join("x")}`), size, dtype === "int32" ? 0 : -1, dtype === "int32" ? vocab : 1);
  return { dims, values: dtype === "int32" ? Int32Array.from(values, Math.floor) : values };
}
