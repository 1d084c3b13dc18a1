/**
 * Live per-node statistics while training, taken every `every` steps, one entry per canvas node
 * (a block instance's layers count as its node):
 * - actMean, actStd: of the node's output over the step's batch, after the update, in inference
 *   mode (no dropout), for the network the recipe's probe runs (the model; a GAN's discriminator);
 * - deadFraction: for a node ending in a ReLU, the share of its output units (each position and
 *   channel) that are not positive for any sample of the batch; null otherwise;
 * - gradNorm: ||∂loss/∂w|| over the node's trainable weights, before clipping; null without weights;
 * - updateRatio: ||Δw|| / ||w|| over the node's weights for the step; null without weights.
 *
 * How the loop (runtime/train/loop.ts) uses a collector, when TrainRun has `stats` and `onStats`:
 *   recipe.step(batch, collector.observe(ctx))   // inside the step's tidy: on a due step, copies the
 *                                                // weights and adds rules.observeGradients, which
 *                                                // applyUpdate calls with the raw gradients
 *   if (collector.taking) onStats(await collector.finish(recipe.probe(batch)))
 * and disposes it when the run ends. Nothing here draws random numbers, so a run's losses are the
 * same with statistics on or off.
 */
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import type { Probe, StepContext } from "../train/recipe.js";
import type { NamedGradient } from "../train/update.js";
import { InspectError } from "./errors.js";
import { patched, run, tapPatch } from "./forward.js";

export interface NodeStats {
  /** The canvas node id. */
  readonly node: string;
  /** NaN when the node's network is not the one the probe runs (the other network of a GAN); NaN is not JSON. */
  readonly actMean: number;
  readonly actStd: number;
  /** Only for nodes ending in a ReLU (a ReLU node or activation "relu"). */
  readonly deadFraction: number | null;
  /** Only for nodes with trainable weights (and, for gradNorm, a recipe that hands its rules to applyUpdate). */
  readonly gradNorm: number | null;
  readonly updateRatio: number | null;
}

export interface StatsSnapshot {
  /** Steps done, this one included. */
  readonly step: number;
  readonly nodes: NodeStats[];
}

export interface StatsOptions {
  /** Take statistics on steps 0, every, 2·every, ... (counted over the whole run). */
  readonly every: number;
}

export interface StatsCollector {
  /** The step context to run a step with: unchanged unless statistics are due at this step. */
  observe(ctx: StepContext): StepContext;
  /** True between a due step's observe() and finish(). */
  readonly taking: boolean;
  /** The statistics of the step just observed; frees the probe's inputs. */
  finish(probe: Probe): Promise<StatsSnapshot>;
  dispose(): void;
}

interface NodeInfo {
  readonly node: string;
  /** The layer whose output stands for the node (its last layer in topological order). */
  readonly layer: tf.layers.Layer;
  readonly network: MaterializedNetwork;
  readonly relu: boolean;
  readonly weights: tf.LayerVariable[];
}

const endsInRelu = (l: tf.layers.Layer): boolean =>
  l.getClassName() === "ReLU" || (l as unknown as { activation?: { getClassName?(): string } }).activation?.getClassName?.() === "relu";

function describe(networks: readonly MaterializedNetwork[]): NodeInfo[] {
  const nodes = new Map<string, NodeInfo>();
  for (const net of networks) {
    for (const name of net.layerOrder) {
      const node = net.nodeOf(name)?.nodeId;
      const layer = net.model.layers.find((l) => l.name === name);
      if (node === undefined || !layer || layer.getClassName() === "InputLayer") continue;
      const prev = nodes.get(node);
      const weights = [...(prev?.weights ?? []), ...layer.trainableWeights];
      nodes.set(node, { node, layer, network: net, relu: endsInRelu(layer), weights });
    }
  }
  return [...nodes.values()];
}

const varName = (w: tf.LayerVariable): string => (w.read() as tf.Variable).name;

export function createStatsCollector(networks: readonly MaterializedNetwork[], options: StatsOptions): StatsCollector {
  if (!(Number.isInteger(options.every) && options.every >= 1)) throw new InspectError(`Statistics need "every" to be a whole number of steps of 1 or more, not ${options.every}.`);
  const infos = describe(networks);
  const nodeOfVar = new Map<string, number>();
  infos.forEach((info, i) => info.weights.forEach((w) => nodeOfVar.set(varName(w), i)));
  let before: tf.Tensor[][] | undefined;
  let gradSquares: tf.Scalar[][] = [];
  let step = 0;

  const clear = () => {
    tf.dispose((before ?? []).flat());
    tf.dispose(gradSquares.flat());
    before = undefined;
    gradSquares = [];
  };

  const observeGradients = (grads: readonly NamedGradient[]) => {
    for (const { name, tensor } of grads) {
      const i = nodeOfVar.get(name);
      if (i !== undefined) (gradSquares[i] ??= []).push(tf.keep(tf.sum(tf.square(tensor)) as tf.Scalar));
    }
  };

  return {
    get taking() {
      return before !== undefined;
    },
    observe(ctx) {
      clear();
      if (ctx.step % options.every !== 0) return ctx;
      step = ctx.step;
      before = infos.map((info) => info.weights.map((w) => tf.keep(w.read().clone())));
      return { ...ctx, rules: { ...ctx.rules, observeGradients } };
    },
    async finish(probe) {
      try {
        if (!before) throw new InspectError("Statistics were asked for a step that was not observed.");
        const taken = before;
        const grads = gradSquares;
        const measured = infos.filter((info) => info.network === probe.network);
        const outputs = new Map<string, tf.Tensor>();
        const vector = tf.tidy(() => {
          const taps = measured.map((info) => tapPatch(info.layer, (out) => {
            if (!outputs.has(info.node)) outputs.set(info.node, tf.keep(out.clone()));
            return out;
          }));
          tf.dispose(patched(taps, () => run(probe.network.model, [...probe.inputs])));
          const rows = infos.map((info, i) => {
            const nan = tf.scalar(NaN);
            const a = outputs.get(info.node);
            const { mean, variance } = a ? tf.moments(a) : { mean: nan, variance: nan };
            const dead = a && info.relu ? tf.mean(tf.cast(tf.lessEqual(tf.max(a, 0), 0), "float32")) : nan;
            const sq = grads[i];
            const grad = sq?.length ? tf.sqrt(tf.addN(sq)) : nan;
            const w = info.weights;
            const delta = w.length ? tf.addN(w.map((v, k) => tf.sum(tf.square(tf.sub(v.read(), taken[i]![k]!))))) : nan;
            const size = w.length ? tf.addN(taken[i]!.map((t) => tf.sum(tf.square(t)))) : nan;
            return tf.stack([mean, tf.sqrt(variance), dead, grad, tf.sqrt(tf.div(delta, size))]);
          });
          return tf.concat(rows);
        });
        tf.dispose([...outputs.values()]);
        const v = await vector.data();
        vector.dispose();
        const nodes = infos.map((info, i): NodeStats => {
          const at = (k: number) => v[i * 5 + k]!;
          const has = outputs.has(info.node);
          return {
            node: info.node,
            actMean: has ? at(0) : NaN,
            actStd: has ? at(1) : NaN,
            deadFraction: has && info.relu ? at(2) : null,
            gradNorm: info.weights.length && grads[i]?.length ? at(3) : null,
            updateRatio: info.weights.length ? at(4) : null,
          };
        });
        return { step: step + 1, nodes };
      } finally {
        tf.dispose([...probe.inputs]);
        clear();
      }
    },
    dispose: clear,
  };
}
