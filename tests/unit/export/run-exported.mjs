// Runs exported TypeScript, compiled by tsc to plain JavaScript, under plain Node with
// @tensorflow/tfjs and nothing of Layerloom: for each case it builds every network, gives it the
// weights the app's model had, predicts, and records toJSON() and the outputs; then it evaluates
// the exported weighted loss and runs the exported training function briefly.
// Usage: node run-exported.mjs MANIFEST.json RESULT.json
import * as tf from "@tensorflow/tfjs";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [manifestPath, resultPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

const tensorOf = (t) => tf.tensor(t.data, t.shape, t.dtype);
const valuesOf = (model) => model.getWeights().map((w) => Array.from(w.dataSync()));
const changed = (before, after) => before.some((w, i) => w.some((v, j) => v !== after[i][j]));
// Trainable weights only: batch normalization's moving statistics change in any forward pass in training mode.
const trainableValuesOf = (model) => model.trainableWeights.map((w) => Array.from(w.read().dataSync()));

const results = {};
for (const c of manifest.cases) {
  const result = { networks: {}, error: null };
  results[c.name] = result;
  try {
    const mod = await import(pathToFileURL(c.module).href);
    const models = {};
    for (const n of c.networks) {
      const model = mod[n.build]();
      if (n.depth === "topology") {
        result.networks[n.id] = { topology: model.toJSON(null, false), outputs: [] };
        model.dispose();
        continue;
      }
      models[n.id] = model;
      const bytes = new Uint8Array(readFileSync(n.weights));
      const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      for (const l of n.layers) {
        model.getLayer(l.name).setWeights(l.weights.map((w) => tf.tensor(all.slice(w.offset, w.offset + w.size), w.shape)));
      }
      const out = model.predict(n.inputs.map(tensorOf));
      const outs = Array.isArray(out) ? out : [out];
      result.networks[n.id] = {
        topology: model.toJSON(null, false),
        outputs: outs.map((t) => ({ shape: t.shape, data: Array.from(t.dataSync()) })),
      };
    }
    const t = c.training;
    if (t && t.kind === "supervised") {
      const model = models[t.network];
      const inputs = t.inputs.map(tensorOf);
      const targets = Object.fromEntries(Object.entries(t.targets).map(([k, v]) => [k, tensorOf(v)]));
      const loss = mod[t.loss](model, inputs, targets, false).dataSync()[0];
      if (t.train) {
        const before = valuesOf(model);
        const history = await mod[t.train](model, inputs, targets, { epochs: 2, batchSize: 2 });
        result.training = { loss, history, weightsChanged: changed(before, valuesOf(model)) };
      } else result.training = { loss, history: [], weightsChanged: false };
    } else if (t && t.kind === "autoregressive") {
      const model = models[t.network];
      const images = tensorOf(t.images);
      const loss = mod.pixelLoss(model, images, false).dataSync()[0];
      const before = valuesOf(model);
      const history = t.train ? await mod.trainPixelModel(model, images, { epochs: 2, batchSize: 2 }) : [];
      result.training = { loss, history, weightsChanged: t.train ? changed(before, valuesOf(model)) : false };
    } else if (t && t.kind === "detection") {
      // yolo and ssd: every loss column on the batch with training off, then a short training run.
      const model = models[t.network];
      const images = tensorOf(t.images);
      const columns = Object.fromEntries(Object.entries(mod.detectionLosses(model, images, t.boxes, false)).map(([k, v]) => [k, v.dataSync()[0]]));
      const initialWeights = valuesOf(model);
      // One step on the batch with the document's optimizer, then put the weights back.
      const stepWeights = t.train ? (mod.detectorTrainStep(model, mod.makeDetectorOptimizer(), images, t.boxes), valuesOf(model)) : undefined;
      model.setWeights(initialWeights.map((w, i) => tf.tensor(w, model.getWeights()[i].shape)));
      const before = trainableValuesOf(model);
      const history = t.train ? await mod.trainDetector(model, images, t.boxes, { epochs: 2, batchSize: 2 }) : [];
      result.training = { columns, history, weightsChanged: t.train ? changed(before, trainableValuesOf(model)) : false, stepWeights, initialWeights };
    } else if (t && t.kind === "word2vec") {
      // The vocabulary from every passage, the batch's examples, negatives from the runtime's random numbers, the loss.
      const model = models[t.network];
      const vocabulary = mod.wordVocabulary(t.passages);
      let next = 0;
      const random = () => t.randoms[next++];
      const examples = mod.cbowExamples(t.batch, vocabulary);
      const candidates = mod.drawCandidates(examples.centre, mod.negativeSampler(vocabulary), random);
      const loss = mod.word2vecLoss(model, examples.context, candidates).dataSync()[0];
      const randomsUsed = next;
      const initialWeights = valuesOf(model);
      // One step on the batch with the negatives the runtime's step drew, then put the weights back.
      next = 0;
      const stepRandom = () => t.stepRandoms[next++];
      mod.word2vecTrainStep(model, mod.makeWord2VecOptimizer(), t.batch, vocabulary, mod.negativeSampler(vocabulary), stepRandom);
      const stepWeights = valuesOf(model);
      model.setWeights(initialWeights.map((w, i) => tf.tensor(w, model.getWeights()[i].shape)));
      const before = trainableValuesOf(model);
      const history = await mod.trainWord2Vec(model, t.batch, vocabulary, { epochs: 2, batchSize: 4 });
      result.training = { columns: { loss }, history, weightsChanged: changed(before, trainableValuesOf(model)), examples: examples.centre.length, randomsUsed, stepWeights, initialWeights };
    } else if (t && t.kind === "adversarial") {
      const g = models[t.generator];
      const d = models[t.discriminator];
      const data = t.data.map(tensorOf);
      const before = [valuesOf(g), valuesOf(d)];
      const history = await mod.trainGan(g, d, ...data, { epochs: 2, batchSize: 2 });
      result.training = { history, weightsChanged: changed(before[0], valuesOf(g)) && changed(before[1], valuesOf(d)) };
      // The critic's trainable weights after training (wgan-clip holds them within ±clip).
      result.training.criticMaxAbs = Math.max(...d.trainableWeights.map((w) => tf.max(tf.abs(w.read())).dataSync()[0]));
      if (t.penalty) {
        // The exported gradient penalty on a tiny linear critic with known weights.
        const critic = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [t.penalty.kernel.length], inputShape: t.penalty.shape }), tf.layers.dense({ units: 1 })] });
        critic.setWeights([tf.tensor(t.penalty.kernel, [t.penalty.kernel.length, 1]), tf.tensor([t.penalty.bias])]);
        result.training.penalty = mod.gradientPenalty(critic, tensorOf(t.data[0]), tensorOf(t.penalty.fake)).dataSync()[0];
      }
      if (t.l1Weight !== undefined) {
        // pix2pix's G loss, taken apart with training off (no dropout): adversarial BCE and the L1 term.
        const [source, target] = data;
        const batch = { source, target };
        const losses = mod.ganLosses(g, d, batch, false);
        const fake = g.predict(source);
        const dFake = d.predict(d.inputs.length === 2 ? [source, fake] : tf.concat([source, fake], -1));
        const p = tf.clipByValue(dFake, 1e-7, 1 - 1e-7);
        const adversarial = tf.mean(tf.neg(tf.log(p))).dataSync()[0];
        const l1 = tf.mean(tf.abs(tf.sub(fake, target))).dataSync()[0];
        result.training.pix2pix = { g: losses.g.dataSync()[0], l1: losses.l1.dataSync()[0], adversarial, l1Expected: l1 };
      }
    }
  } catch (e) {
    result.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}
writeFileSync(resultPath, JSON.stringify(results));
