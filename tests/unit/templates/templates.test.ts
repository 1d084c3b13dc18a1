/**
 * Every template folder holds valid metadata, a README, and graph files that load without
 * repairs, analyse without a single diagnostic, lay out left to right, and agree with the
 * metadata (input shape, dataset, the total `layerloom check` prints).
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATASET_IDS } from "../../../runtime/data/registry.js";
import { grouped, loadConfig, loadMeta, readTemplateText, templateIds, TEMPLATES_DIR } from "./support.js";

const IDS = templateIds();

/** Templates whose networks take a second Input beside the data (see the input shape check). */
const CONDITIONED = new Set(["cgan", "pix2pix"]);

/** The templates the "Templates I" issue asks for, by folder name. */
const EXPECTED = [
  "alexnet", "bottleneck-1x1", "googlenet", "lenet-5", "overfeat", "resnet-18", "resnet-50", "resnext-50", "ssd", "vgg-16", "yolo-v1",
];

describe("the templates folder", () => {
  it("holds every template the gallery promises", () => {
    expect(IDS).toEqual(expect.arrayContaining(EXPECTED));
  });
});

describe.each(IDS)("template %s", (id) => {
  const meta = loadMeta(id);

  it("has metadata that names its folder, its configurations and a known dataset", () => {
    expect(meta.id).toBe(id);
    const configIds = meta.configurations.map((c) => c.id);
    expect(new Set(configIds).size).toBe(configIds.length);
    expect(configIds[0]).toBe("full");
    expect(configIds).toContain(meta.defaultConfiguration);
    const trainable = meta.configurations.filter((c) => c.trainable);
    expect(trainable.length).toBeGreaterThanOrEqual(1);
    expect(meta.configurations.find((c) => c.id === meta.defaultConfiguration)?.trainable).toBe(true);
    expect(meta.dataset).toBe(trainable[trainable.length - 1]!.dataset);
    expect(DATASET_IDS as readonly string[]).toContain(meta.dataset);
    expect(meta.inputShape).toEqual(meta.configurations[0]!.inputShape);
  });

  it("has a README that cites the paper and explains the reference count", () => {
    const url = new URL(`${id}/README.md`, TEMPLATES_DIR);
    expect(existsSync(url)).toBe(true);
    const readme = readTemplateText(id, "README.md");
    expect(readme).toContain(meta.paper.url);
    expect(readme).toContain(grouped(meta.reference.params));
    expect(readme).toContain(grouped(meta.configurations[0]!.params));
    expect(readme).toMatch(/## What to try/);
  });

  describe.each(meta.configurations.map((c) => [c.id, c] as const))("%s", (configId, config) => {
    it("loads without repairs and analyses without any diagnostic", () => {
      const { analysis, warnings } = loadConfig(id, configId);
      expect(warnings).toEqual([]);
      expect(analysis.diagnostics.map((d) => `${d.severity} ${d.code} ${d.nodeId ?? ""} ${d.inner?.join("/") ?? ""}: ${d.message}`)).toEqual([]);
      for (const net of analysis.networks.values()) {
        expect(net.outputs.length).toBeGreaterThan(0);
        for (const o of net.outputs) expect(o.shape, `${net.id} output ${o.nodeId}`).toBeDefined();
      }
    });

    it("agrees with the metadata: input shape, dataset and the total layerloom check prints", () => {
      const { doc, analysis } = loadConfig(id, configId);
      expect(analysis.totals.params).toBe(config.params);
      const inputs = doc.nodes.filter((n) => n.kind === "Input");
      // A conditional GAN's label and pix2pix's judged image enter beside the data: the data's Input comes first.
      expect(inputs.length).toBe(CONDITIONED.has(id) ? 2 : 1);
      expect(inputs[0]!.params.shape).toEqual(config.inputShape);
      expect(doc.training !== undefined).toBe(config.trainable);
      expect(doc.training?.dataset).toBe(config.dataset);
      if (doc.training) {
        expect(DATASET_IDS as readonly string[]).toContain(doc.training.dataset);
        expect(Object.values(doc.training.networks).every((n) => analysis.networks.has(n))).toBe(true);
      }
      expect(doc.name.length).toBeGreaterThan(0);
      expect(doc.description).toBe(config.summary);
    });

    it("lays every node out left to right without overlaps", () => {
      const { doc } = loadConfig(id, configId);
      expect(Object.keys(doc.layout).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
      const spots = Object.values(doc.layout).map(([x, y]) => `${x},${y}`);
      expect(new Set(spots).size).toBe(spots.length);
      for (const e of doc.edges) {
        const [from, to] = [doc.layout[e.from[0]]!, doc.layout[e.to[0]]!];
        expect(from[0], `${e.from[0]} → ${e.to[0]}`).toBeLessThan(to[0]);
      }
    });
  });
});
