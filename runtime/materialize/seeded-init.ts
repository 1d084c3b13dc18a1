/**
 * Seeded weight initialisation. Every weight of every layer, built-in or custom, is created by
 * tf.layers.Layer#addWeight, which runs the layer's initialiser at once. While a model is built,
 * addWeight draws from its own stream seeded by (run seed, layer name, weight name): a layer's
 * initial weights depend on the seed and on that layer alone, so adding a node elsewhere in the
 * graph does not change them, and two weights sharing one initialiser (attention's query and key
 * kernels) still differ. The Keras configs keep `seed: null`, so an exported model initialises
 * like any other.
 */
import * as tf from "../tf.js";
import { streamFor, withRandom } from "./random-stream.js";

/** addWeight is protected in tfjs's types; the patch reaches it through the prototype. */
type AddWeight = (this: tf.layers.Layer, name: string, ...rest: unknown[]) => tf.LayerVariable;

/** Runs a synchronous model build with seeded initialisers (see the file comment). */
export function withSeededInit<T>(seed: number, build: () => T): T {
  const proto = tf.layers.Layer.prototype as unknown as { addWeight: AddWeight };
  const original = proto.addWeight;
  const calls = new Map<string, number>();
  proto.addWeight = function seededAddWeight(name, ...rest) {
    const key = `${this.name}\u0000${name}`;
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    return withRandom(streamFor(seed, "init", this.name, name, n), () => original.call(this, name, ...rest));
  };
  try {
    // Random draws outside addWeight (none in tfjs 4.22's layers) still come from the seed.
    return withRandom(streamFor(seed, "build"), build);
  } finally {
    proto.addWeight = original;
  }
}
