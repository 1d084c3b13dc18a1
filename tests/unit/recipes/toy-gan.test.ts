/**
 * The course's toy GAN as the template ships it (8-D noise, 100 hidden units, Adam 1e-3,
 * batches of 10, D and G on alternate batches): after a few hundred seeded steps on the cpu
 * backend, the generated points' mean and covariance are much closer to the data's than at
 * step 0. And adversarial runs resume from a checkpoint with exactly the losses of an
 * uninterrupted run, whatever the phase of the D/G cycle at the stop.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { gaussianMixture } from "../../../runtime/data/synthetic/points.js";
import type { Dataset } from "../../../runtime/data/types.js";
import type { MaterializedNetwork } from "../../../runtime/materialize/materialize.js";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { lossesOf, tf, trainDoc, useCpu } from "../train/support.js";
import { smallDataset, stopAfter, template } from "./support.js";

beforeAll(useCpu);

interface Moments {
  readonly mean: readonly [number, number];
  readonly cov: readonly [number, number, number];
}

function moments(xy: ArrayLike<number>): Moments {
  const n = xy.length / 2;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) { mx += xy[2 * i]!; my += xy[2 * i + 1]!; }
  mx /= n; my /= n;
  let sxx = 0; let sxy = 0; let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xy[2 * i]! - mx;
    const dy = xy[2 * i + 1]! - my;
    sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
  }
  return { mean: [mx, my], cov: [sxx / n, sxy / n, syy / n] };
}

const meanDistance = (a: Moments, b: Moments) => Math.hypot(a.mean[0] - b.mean[0], a.mean[1] - b.mean[1]);
/** Frobenius norm of the difference of the two 2×2 covariances. */
const covDistance = (a: Moments, b: Moments) => Math.hypot(a.cov[0] - b.cov[0], Math.SQRT2 * (a.cov[1] - b.cov[1]), a.cov[2] - b.cov[2]);

function generated(g: MaterializedNetwork): Moments {
  const points = tf.tidy(() => g.model.predict(tf.randomNormal([2000, 8], 0, 1, "float32", 7)) as tf.Tensor);
  const m = moments(points.dataSync());
  points.dispose();
  return m;
}

describe("the toy GAN", () => {
  it("moves the generated distribution's mean and covariance towards the data's", async () => {
    // One blob away from the origin, so the generator's start (points near 0) is far in both moments.
    const data = gaussianMixture({ classes: 1, radius: 2, spread: 0.6, trainSize: 400, testSize: 8 });
    const target = moments(data.gather("train", Array.from({ length: 400 }, (_, i) => i)).x.data);
    const doc = template("toy-gan", "full", { epochs: 20 });
    expect(doc.training).toMatchObject({ batchSize: 10, optimizer: { kind: "adam", learningRate: 0.001 }, options: { alternate: true, dSteps: 1 } });

    const { session: untrained } = await trainDoc(doc, data, { seed: 2, signal: { aborted: true } });
    const start = generated(untrained.roles["generator"]!);
    untrained.dispose();
    // Alternating updates make the generator orbit the data rather than settle (the course shows
    // this too), so the distances are averaged over the last 15 of 20 epochs (40 steps each).
    const late: Moments[] = [];
    const session = await prepareTraining(doc, { dataset: data, seed: 2 });
    const g = session.roles["generator"]!;
    await train({
      recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint,
      onEpoch: (l) => void (l.epoch > 5 && late.push(generated(g))),
    });
    session.dispose();
    const avg = (f: (m: Moments) => number) => late.reduce((a, m) => a + f(m), 0) / late.length;
    const report = {
      start: [meanDistance(start, target), covDistance(start, target)],
      late: [avg((m) => meanDistance(m, target)), avg((m) => covDistance(m, target))],
    };
    expect(late.length).toBe(15);
    expect(report.start[0]).toBeGreaterThan(1.5);
    expect(report.late[0], JSON.stringify(report)).toBeLessThan(0.6 * report.start[0]!);
    expect(report.late[1], JSON.stringify(report)).toBeLessThan(0.85 * report.start[1]!);
  });
});

describe("resuming an adversarial run", () => {
  const cases: [string, () => GraphDocument, () => Dataset, number][] = [
    ["toy GAN, stopped after a D batch (G's optimiser not started yet)", () => template("toy-gan", "full", { epochs: 3 }), () => smallDataset("synthetic:gaussians", 50), 1],
    ["toy GAN, stopped mid-epoch after a G batch", () => template("toy-gan", "full", { epochs: 3 }), () => smallDataset("synthetic:gaussians", 50), 8],
    ["WGAN-GP mini, stopped inside the 5-step critic cycle", () => template("wgan-gp", "mini", { epochs: 3, batchSize: 16 }), () => smallDataset("synthetic:gaussians", 64), 7],
  ];
  it.each(cases)("gives the losses of an uninterrupted run: %s", async (_name, doc, data, stopAt) => {
    const whole = await trainDoc(doc(), data(), { seed: 4 });
    whole.session.dispose();
    const stop = stopAfter(stopAt);
    const first = await trainDoc(doc(), data(), { seed: 4, ...stop });
    expect(first.outcome.status).toBe("interrupted");
    expect(first.outcome.loop.step).toBe(stopAt);
    const checkpoint = first.checkpoints.at(-1)!;
    first.session.dispose();
    const rest = await trainDoc(doc(), data(), { seed: 4, resume: checkpoint });
    expect(rest.outcome.status).toBe("completed");
    expect(lossesOf(rest.outcome.history)).toEqual(lossesOf(whole.outcome.history));
    rest.session.dispose();
  });
});
