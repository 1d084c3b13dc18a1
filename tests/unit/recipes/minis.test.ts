/**
 * Every adversarial template's mini trains a few steps with its recipe (batches of 4 to 8 on the
 * cpu backend): the losses are finite, the recipe's columns are there in order, the total is
 * d_loss + g_loss, and both networks' weights change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { tf, useCpu } from "../train/support.js";
import { largestChange, smallDataset, snapshot, stopAfter, template } from "./support.js";

beforeAll(useCpu);

/** Template, recipe, columns, steps (enough for one generator update), batch size. */
const CASES = [
  ["dcgan", "gan", ["loss", "d_loss", "g_loss"], 1, 8],
  ["wgan-clip", "wgan-clip", ["loss", "d_loss", "g_loss", "w_distance"], 5, 4],
  ["wgan-gp", "wgan-gp", ["loss", "d_loss", "g_loss", "w_distance", "gp"], 5, 16],
  ["sngan", "hinge", ["loss", "d_loss", "g_loss"], 1, 8],
  ["cgan", "conditional-gan", ["loss", "d_loss", "g_loss"], 1, 16],
  ["pix2pix", "pix2pix", ["loss", "d_loss", "g_loss", "l1"], 1, 4],
] as const;

describe.each(CASES)("the %s mini (%s recipe)", (id, recipe, columns, steps, batchSize) => {
  it("trains: finite losses, its columns, loss = d_loss + g_loss, both networks updated", async () => {
    const doc = template(id, "mini", { epochs: 1, batchSize });
    expect(doc.training!.recipe).toBe(recipe);
    const data = smallDataset(doc.training!.dataset, batchSize * 8);
    const session = await prepareTraining(doc, { dataset: data, seed: 3 });
    const before = tf.memory().numTensors;
    const g0 = snapshot(session.roles["generator"]!);
    const d0 = snapshot(session.roles["discriminator"]!);
    const stop = stopAfter(steps);
    const seen: Record<string, number>[] = [];
    const outcome = await train({
      recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint,
      signal: stop.signal, onBatch: (p) => { stop.onBatch(); seen.push({ ...p.values }); },
    });
    expect(outcome.status).toBe("interrupted");
    expect(outcome.columns.map((c) => c.name)).toEqual([...columns]);
    expect(seen.length).toBe(steps);
    for (const v of seen) {
      for (const c of columns) expect(Number.isFinite(v[c]), `${c} = ${v[c]}`).toBe(true);
      expect(v["loss"]).toBeCloseTo(v["d_loss"]! + v["g_loss"]!, 4);
    }
    expect(largestChange(g0, snapshot(session.roles["generator"]!)), "generator weights").toBeGreaterThan(0);
    expect(largestChange(d0, snapshot(session.roles["discriminator"]!)), "discriminator weights").toBeGreaterThan(0);
    // Optimiser slots appear with the first updates; nothing else may stay behind.
    session.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});
