/**
 * Where a NaN or Infinity starts: runs the probed network once more on the batch that produced
 * it, as a model whose outputs are every layer's output, and returns the first layer in
 * topological order whose output is not finite, with the graph node it came from.
 */
import * as tf from "../tf.js";
import type { NodeRef } from "../materialize/node-ref.js";
import { RandomStream, withRandom } from "../materialize/random-stream.js";
import type { Probe } from "./recipe.js";

export interface NonFiniteSource {
  readonly layer: string;
  readonly node: NodeRef | undefined;
  readonly nan: number;
  readonly infinite: number;
  readonly size: number;
}

/** Every layer output of a network, in topological order, as one model sharing its weights. */
function everyLayerModel(p: Probe): { model: tf.LayersModel; layers: string[] } {
  const outputs: tf.SymbolicTensor[] = [];
  const layers: string[] = [];
  for (const name of p.network.layerOrder) {
    const layer = p.network.model.getLayer(name);
    if (layer.getClassName() === "InputLayer") continue;
    for (const out of ([] as tf.SymbolicTensor[]).concat(layer.output)) {
      outputs.push(out);
      layers.push(name);
    }
  }
  // The new model only refers to the network's layers; it owns no weights of its own.
  return { model: tf.model({ inputs: p.network.model.inputs, outputs }), layers };
}

/** The first non-finite layer output on this probe, or undefined when every output is finite. `rng` replays the step's random draws (dropout). */
export async function locateNonFinite(p: Probe, rng: number): Promise<NonFiniteSource | undefined> {
  const { model, layers } = everyLayerModel(p);
  if (layers.length === 0) return undefined;
  const counts = withRandom(new RandomStream(rng), () =>
    tf.tidy(() => {
      const outs = ([] as tf.Tensor[]).concat(model.apply([...p.inputs], { training: true }) as tf.Tensor | tf.Tensor[]);
      return tf.stack(outs.flatMap((o) => {
        const f = tf.cast(o, "float32");
        return [tf.sum(tf.cast(tf.isNaN(f), "float32")), tf.sum(tf.cast(tf.isInf(f), "float32")), tf.scalar(o.size)];
      }));
    }),
  );
  const v = await counts.data();
  counts.dispose();
  for (let i = 0; i < layers.length; i++) {
    const nan = v[3 * i]!, infinite = v[3 * i + 1]!;
    if (nan > 0 || infinite > 0) {
      const layer = layers[i]!;
      return { layer, node: p.network.nodeOf(layer), nan, infinite, size: v[3 * i + 2]! };
    }
  }
  return undefined;
}
