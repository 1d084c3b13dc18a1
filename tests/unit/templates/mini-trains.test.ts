/**
 * Every template that ships a trainable configuration (its `mini`, or its only configuration)
 * trains on the cpu backend with its own graph and training section, and its loss falls.
 *
 * To stay fast on 2 cores the run is shrunk, not changed in kind: one batch of the first BATCH
 * samples of the template's dataset, trained STEPS times (an epoch is one step), with no
 * validation split or early stopping. Every step sees the same samples in the same batch, so
 * batch normalization's statistics and the data do not change between steps and the losses
 * compare like with like. Every step's loss must be finite, and the loss must fall clearly:
 * measured on that batch by steps at learning rate 0 (so nothing changes) under PROBES fixed
 * random streams (so dropout draws the same masks before and after), the trained network's
 * loss must be below FALL × the untrained one's (a second session from the same seed has the
 * same initial weights). Single steps' losses jump with dropout on 4 samples; this measure does
 * not, and a flat loss (ratio 1) fails it. Augmentation options are dropped too: they would
 * change the batch every step.
 *
 * Adversarial recipes are skipped here: their losses are a game, not a quantity that falls;
 * tests/unit/recipes/minis.test.ts trains them.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { loadDataset } from "../../../runtime/data/registry.js";
import type { Dataset } from "../../../runtime/data/types.js";
import * as tf from "../../../runtime/tf.js";
import { train } from "../../../runtime/train/loop.js";
import { streamFor, withRandom } from "../../../runtime/materialize/random-stream.js";
import { learningRateOf, setLearningRate } from "../../../runtime/train/optimizers.js";
import { prepareTraining, type TrainingSession } from "../../../runtime/train/session.js";
import { loadConfig, loadMeta, templateIds, TEMPLATES_DIR } from "./support.js";
import { existsSync } from "node:fs";

const ADVERSARIAL = new Set(["gan", "wgan-clip", "wgan-gp", "hinge", "conditional-gan", "pix2pix"]);
const BATCH = 4;
const STEPS = 20;
const FALL = 0.95;
const PROBES = 3;
/** Options that would split the tiny set, stop early or change the batch between steps. */
const DROPPED = ["validationSplit", "earlyStoppingPatience", "earlyStoppingMonitor", "earlyStoppingMinDelta", "checkpointEvery", "augment"];

/** The configuration each template trains: its trainable mini, else its only configuration if trainable. */
function trainedConfig(id: string): "full" | "mini" | undefined {
  const meta = loadMeta(id);
  const mini = meta.configurations.find((c) => c.id === "mini" && c.trainable);
  if (mini) return "mini";
  const only = meta.configurations.length === 1 ? meta.configurations[0]! : undefined;
  return only?.trainable ? only.id : undefined;
}

/** Folders with a template.json; one still being written without it is not a template yet. */
const cases = templateIds()
  .filter((id) => existsSync(new URL(`${id}/template.json`, TEMPLATES_DIR)))
  .flatMap((id) => {
    const config = trainedConfig(id);
    return config ? [[id, config] as const] : [];
  });

/** The first n training samples of a dataset, with everything else as it is. */
function firstSamples(d: Dataset, n: number): Dataset {
  const size = Math.min(n, d.size("train"));
  return {
    id: d.id, title: d.title, description: d.description, inputShape: d.inputShape, inputDtype: d.inputDtype,
    target: d.target, extras: d.extras, provenance: d.provenance,
    size: (split) => (split === "train" ? size : Math.min(n, d.size(split))),
    batches: (split, options) => d.batches(split, options),
    gather: (split, indices) => d.gather(split, indices),
    describe: (split, index) => d.describe(split, index),
  };
}

const loadBytes = async (url: URL) => new Uint8Array(await readFile(url));

function shrunk(doc: GraphDocument): GraphDocument {
  const t = doc.training!;
  const options = Object.fromEntries(Object.entries(t.options ?? {}).filter(([k]) => !DROPPED.some((d) => k.startsWith(d))));
  return { ...doc, training: { ...t, batchSize: BATCH, epochs: STEPS, options } };
}

/** The training-mode loss on a batch without changing the weights: the mean of seeded steps at learning rate 0. */
async function lossAt(session: TrainingSession, dataset: Dataset): Promise<number> {
  const { groups } = session.prepared;
  const rates = groups.map((g) => learningRateOf(g.optimizer));
  for (const g of groups) setLearningRate(g.optimizer, 0);
  const batch = dataset.gather("train", Int32Array.from({ length: BATCH }, (_, i) => i));
  let sum = 0;
  for (let k = 0; k < PROBES; k++) {
    const values = withRandom(streamFor(11, "probe", k), () => tf.tidy(() => session.prepared.step(batch, { step: 0, epoch: 0, rules: { learningRate: 0, weightDecay: 0 } })));
    sum += (await values.data())[0]!;
    values.dispose();
  }
  groups.forEach((g, i) => setLearningRate(g.optimizer, rates[i]!));
  return sum / PROBES;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe.each(cases)("template %s (%s)", (id, config) => {
  const doc = loadConfig(id, config).doc;
  const recipe = doc.training?.recipe ?? "";
  const adversarial = ADVERSARIAL.has(recipe);
  const name = adversarial ? `is skipped here: the ${recipe} recipe is adversarial (tests/unit/recipes/minis.test.ts trains it)` : `trains ${STEPS} steps with a falling, finite loss`;

  it.skipIf(adversarial)(name, async () => {
    expect(doc.training, `${id}/${config} is marked trainable but has no training section`).toBeDefined();
    const small = shrunk(doc);
    const dataset = firstSamples(await loadDataset(small.training!.dataset, { loadBytes }), BATCH);
    const fresh = await prepareTraining(small, { dataset, seed: 7 });
    const before = await lossAt(fresh, dataset).finally(() => fresh.dispose());
    const session = await prepareTraining(small, { dataset, seed: 7 });
    try {
      const losses: number[] = [];
      await train({ recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint, onEpoch: (l) => void losses.push(l.values["loss"]!) });
      expect(losses).toHaveLength(STEPS);
      const text = `loss by step: ${losses.map((l) => l.toFixed(4)).join(", ")}`;
      for (const l of losses) expect(Number.isFinite(l), text).toBe(true);
      const after = await lossAt(session, dataset);
      // The probe measures what training minimises: at the start it is near the first step's loss (dropout masks differ).
      expect(before / losses[0]!, `${text}; probe before ${before}`).toBeGreaterThan(0.5);
      expect(before / losses[0]!, `${text}; probe before ${before}`).toBeLessThan(2);
      expect(after, `${text}; probe before ${before.toFixed(4)}, after ${after.toFixed(4)}`).toBeLessThan(FALL * before);
    } finally {
      session.dispose();
    }
  }, 300_000);
});
