/**
 * Each full template against the reference its metadata names: the exact parameter count of
 * torchvision / Keras applications (figures from their published weight metadata and model
 * summaries), or the paper's own layer table counted independently here. Where our graph must
 * differ, the test undoes exactly the differences its README explains and lands on the reference.
 * Also the shapes that make each network what it is.
 */
import { describe, expect, it } from "vitest";
import { applyEdit } from "../../../graph-ir/core/apply.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../../graph-ir/passes/types.js";
import { convChannels, loadConfig, loadMeta, movingStatistics, walk } from "./support.js";

/** Weights of a convolution (k×k, cin → cout) with its biases, and of a dense layer. */
const conv = (k: number, cin: number, cout: number): number => k * k * cin * cout + cout;
const dense = (inputs: number, units: number): number => inputs * units + units;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const shapeOf = (a: Analysis, id: string, port = "y") => a.nodes.get(id)?.outputs[port];
const full = (id: string) => loadConfig(id, "full").analysis;

/** The full configuration's count must be the metadata's, and the metadata must cite this reference. */
function expectReference(id: string, reference: number): void {
  const meta = loadMeta(id);
  expect(meta.reference.params).toBe(reference);
  expect(full(id).totals.params).toBe(meta.configurations.find((c) => c.id === "full")!.params);
}

describe("LeNet-5 against the paper's 60,000 trainable parameters", () => {
  // Table I of the paper: which S2 maps (rows) feed each of C3's 16 maps (columns).
  const C3_TABLE = [
    "X...XXX..XXXX.XX",
    "XX...XXX..XXXX.X",
    "XXX...XXX..X.XXX",
    ".XXX..XXXX..X.XX",
    "..XXX..XXXX.XX.X",
    "...XXX..XXXX.XXX",
  ];

  it("differs only by C3's full connectivity, the untrained subsampling and the softmax output", () => {
    expectReference("lenet-5", 60_000);
    const a = full("lenet-5");
    const links = sum(C3_TABLE.map((row) => [...row].filter((c) => c === "X").length));
    expect(links).toBe(60);
    const paperC3 = links * 25 + 16;
    const paperSubsampling = 6 * 2 + 16 * 2; // a coefficient and a bias per map in S2 and S4
    const ours = a.totals.params;
    expect(ours).toBe(61_706);
    // The paper's RBF output units have fixed parameters, so they are not among its 60,000.
    expect(ours - a.nodes.get("c3")!.paramCount + paperC3 + paperSubsampling - a.nodes.get("output")!.paramCount).toBe(60_000);
    expect(shapeOf(a, "pad")).toEqual(["B", 32, 32, 1]);
    expect(shapeOf(a, "c5")).toEqual(["B", 1, 1, 120]);
  });
});

describe("AlexNet against the paper's two-GPU network", () => {
  it("counts the paper's figure 2 exactly; torchvision's single-tower variant is the count the README explains", () => {
    const paper = 2 * conv(11, 3, 48) + 2 * conv(5, 48, 128) + 2 * conv(3, 256, 192) + 2 * conv(3, 192, 192) + 2 * conv(3, 192, 128)
      + dense(6 * 6 * 256, 4096) + dense(4096, 4096) + dense(4096, 1000);
    expect(paper).toBe(60_965_224);
    expectReference("alexnet", paper);
    expect(full("alexnet").totals.params).toBe(paper);
    // torchvision.models.alexnet (Krizhevsky 2014, "one weird trick": 64, 192, 384, 256, 256 filters): 61,100,840.
    const torchvision = conv(11, 3, 64) + conv(5, 64, 192) + conv(3, 192, 384) + conv(3, 384, 256) + conv(3, 256, 256)
      + dense(9216, 4096) + dense(4096, 4096) + dense(4096, 1000);
    expect(torchvision).toBe(61_100_840);
  });

  it("keeps the towers apart except at conv3 and the dense layers", () => {
    const { doc, analysis: a } = loadConfig("alexnet", "full");
    expect(shapeOf(a, "conv1_a")).toEqual(["B", 55, 55, 48]);
    expect(shapeOf(a, "merge2")).toEqual(["B", 13, 13, 256]);
    expect(shapeOf(a, "conv4_b")).toEqual(["B", 13, 13, 192]);
    expect(shapeOf(a, "merge5")).toEqual(["B", 6, 6, 256]);
    const feeds = (id: string) => doc.edges.filter((e) => e.to[0] === id).map((e) => e.from[0]);
    expect(feeds("conv2_a")).toEqual(["pool1_a"]);
    expect(feeds("conv3_b")).toEqual(["merge2"]);
    expect(feeds("conv4_b")).toEqual(["conv3_b"]);
    expect(doc.nodes.filter((n) => n.kind === "LocalResponseNormalization").length).toBe(4);
  });

  it("offers the paper's augmentation and ten-crop test averaging as training options", () => {
    const { doc } = loadConfig("alexnet", "mini");
    expect(doc.training?.options).toMatchObject({ augmentFlip: true, pcaLighting: 0.1, testTimeAugmentation: "ten-crop" });
  });
});

describe("1×1 bottlenecks against GoogLeNet's table 1", () => {
  it("the inception (3a) module has the paper's 159K weights; the naive module 2.4 times as many parameters", () => {
    expectReference("bottleneck-1x1", 163_696);
    const a = full("bottleneck-1x1");
    const reduced = a.networks.get("reduced")!;
    const naive = a.networks.get("naive")!;
    expect(reduced.params).toBe(163_696);
    const weights = reduced.params - convChannels(a, reduced.nodeIds);
    expect(weights).toBe(163_328);
    expect(Math.floor(weights / 1024)).toBe(159);
    // Naive: 1×1, 3×3 and 5×5 straight on 192 channels, pooling passed through.
    expect(naive.params).toBe(conv(1, 192, 64) + conv(3, 192, 128) + conv(5, 192, 32));
    expect(naive.params / reduced.params).toBeGreaterThan(2.3);
    expect(naive.outputs[0]!.shape).toEqual(["B", 28, 28, 64 + 128 + 32 + 192]);
    expect(reduced.outputs[0]!.shape).toEqual(["B", 28, 28, 256]);
  });

  it("the mini's bottleneck classifier is the smaller of the two", () => {
    const a = loadConfig("bottleneck-1x1", "mini").analysis;
    expect(a.networks.get("net")!.params).toBeLessThan(a.networks.get("naive")!.params);
  });
});

describe("VGG-16 against torchvision and Keras", () => {
  it("has exactly 138,357,544 parameters", () => {
    expectReference("vgg-16", 138_357_544);
    const a = full("vgg-16");
    expect(a.totals.params).toBe(138_357_544);
    expect(shapeOf(a, "pool5")).toEqual(["B", 7, 7, 512]);
    expect([...walk(a)].filter((n) => n.kind === "Conv2D").length).toBe(13);
  });
});

describe("GoogLeNet against torchvision", () => {
  it("becomes torchvision's 6,624,904 once batch norm replaces biases and 3×3 replaces the 5×5 branch", () => {
    expectReference("googlenet", 6_624_904);
    const { doc, analysis: a } = loadConfig("googlenet", "full");
    const inference = a.networks.get("inference")!;
    expect(inference.params).toBe(6_998_552);
    // torchvision: every convolution has batch norm (2 weights per channel) instead of a bias (1).
    const batchNorm = convChannels(a, inference.nodeIds);
    // torchvision's "5×5" branch uses a 3×3 kernel: 16 fewer taps per weight.
    const kernel = sum(doc.nodes.filter((n) => n.kind === "Inception").map((n) => 16 * (n.params.f5x5reduce as number) * (n.params.f5x5 as number)));
    expect(batchNorm).toBe(7_280);
    expect(kernel).toBe(380_928);
    expect(inference.params + batchNorm - kernel).toBe(6_624_904);
    expect(a.totals.params - inference.params).toBe(a.nodes.get("aux1")!.paramCount + a.nodes.get("aux2")!.paramCount);
  });

  it("has the paper's shapes and uses the auxiliary heads only in training, at weight 0.3", () => {
    const a = full("googlenet");
    expect(shapeOf(a, "inc3a")).toEqual(["B", 28, 28, 256]);
    expect(shapeOf(a, "inc4a")).toEqual(["B", 14, 14, 512]);
    expect(shapeOf(a, "inc4e")).toEqual(["B", 14, 14, 832]);
    expect(shapeOf(a, "inc5b")).toEqual(["B", 7, 7, 1024]);
    expect(a.networks.get("inference")!.nodeIds).not.toContain("aux1");
    const mini = loadConfig("googlenet", "mini").doc;
    expect(mini.training?.networks).toEqual({ model: "net" });
    expect(mini.training?.losses.map((l) => [l.output, l.weight])).toEqual([["logits", 1], ["aux1", 0.3], ["aux2", 0.3]]);
  });
});

describe("ResNets and ResNeXt against torchvision and Keras", () => {
  it("ResNet-18 is torchvision's 11,689,512 plus batch norm's moving statistics", () => {
    expectReference("resnet-18", 11_689_512);
    const a = full("resnet-18");
    expect(movingStatistics(a)).toBe(9_600);
    expect(a.totals.params - movingStatistics(a)).toBe(11_689_512);
    expect(shapeOf(a, "res2a")).toEqual(["B", 56, 56, 64]);
    expect(shapeOf(a, "res5b")).toEqual(["B", 7, 7, 512]);
  });

  it("ResNet-50 is torchvision's 25,557,032 plus moving statistics, and Keras's 25,636,712 less its conv biases", () => {
    expectReference("resnet-50", 25_557_032);
    const a = full("resnet-50");
    expect(movingStatistics(a)).toBe(53_120); // Keras's "Non-trainable params" for ResNet50
    expect(a.totals.params - movingStatistics(a)).toBe(25_557_032);
    expect(a.totals.params + convChannels(a, undefined, { useBias: false })).toBe(25_636_712);
    expect(shapeOf(a, "res2a")).toEqual(["B", 56, 56, 256]);
    expect(shapeOf(a, "res5c")).toEqual(["B", 7, 7, 2048]);
  });

  it("ResNeXt-50 (32×4d) is torchvision's 25,028,904 plus moving statistics", () => {
    expectReference("resnext-50", 25_028_904);
    const { doc, analysis: a } = loadConfig("resnext-50", "full");
    expect(a.totals.params - movingStatistics(a)).toBe(25_028_904);
    expect(doc.nodes.filter((n) => n.kind === "ResNeXtBlock").every((n) => n.params.cardinality === 32)).toBe(true);
    expect(shapeOf(a, "res5c")).toEqual(["B", 7, 7, 2048]);
  });
});

describe("OverFeat against its table 1", () => {
  it("counts the fast model's layers, about 145 million", () => {
    const table = conv(11, 3, 96) + conv(5, 96, 256) + conv(3, 256, 512) + conv(3, 512, 1024) + conv(3, 1024, 1024)
      + conv(6, 1024, 3072) + conv(1, 3072, 4096) + conv(1, 4096, 1000);
    expectReference("overfeat", table);
    expect(full("overfeat").totals.params).toBe(table);
    expect(Math.floor(table / 1e6)).toBe(145);
  });

  it("gives a map of class scores for a larger image: 281×317 (one of the paper's test sizes) gives 2×3", () => {
    const { doc, analysis } = loadConfig("overfeat", "full");
    expect(shapeOf(analysis, "class_map")).toEqual(["B", 1, 1, 1000]);
    const r = applyEdit(doc, { op: "setParam", id: "image", param: "shape", value: [281, 317, 3] });
    if (!r.ok) throw new Error(r.error);
    const big = analyze(r.doc);
    expect(big.diagnostics).toEqual([]);
    expect(shapeOf(big, "class_map")).toEqual(["B", 2, 3, 1000]);
    expect(shapeOf(big, "probs")).toEqual(["B", 1000]);
    expect(big.totals.params).toBe(analysis.totals.params);
  });

  it("the mini evaluates at 6 scales, each giving a score map one cell larger per 8 pixels", () => {
    const { doc } = loadConfig("overfeat", "mini");
    const scales = String(doc.training?.options?.evalScales).split(",").map(Number);
    expect(scales.length).toBe(6);
    for (const s of scales) {
      const r = applyEdit(doc, { op: "setParam", id: "image", param: "shape", value: [s, s, 3] });
      if (!r.ok) throw new Error(r.error);
      const cells = (s - 32) / 8 + 1;
      expect(shapeOf(analyze(r.doc), "class_map")).toEqual(["B", cells, cells, 3]);
    }
  });
});

describe("YOLO v1 against the paper's figure 3", () => {
  it("counts its 24 convolutions and two dense layers", () => {
    const layers = [
      conv(7, 3, 64), conv(3, 64, 192),
      conv(1, 192, 128), conv(3, 128, 256), conv(1, 256, 256), conv(3, 256, 512),
      ...Array.from({ length: 4 }, () => conv(1, 512, 256) + conv(3, 256, 512)), conv(1, 512, 512), conv(3, 512, 1024),
      ...Array.from({ length: 2 }, () => conv(1, 1024, 512) + conv(3, 512, 1024)), conv(3, 1024, 1024), conv(3, 1024, 1024),
      conv(3, 1024, 1024), conv(3, 1024, 1024),
      dense(7 * 7 * 1024, 4096), dense(4096, 7 * 7 * 30),
    ];
    expectReference("yolo-v1", sum(layers));
    const a = full("yolo-v1");
    expect(a.totals.params).toBe(sum(layers));
    expect([...walk(a)].filter((n) => n.kind === "Conv2D").length).toBe(24);
    expect([...walk(a)].filter((n) => n.kind === "LeakyReLU").every((n) => n.params.alpha === 0.1)).toBe(true);
    expect(shapeOf(a, "conv11")).toEqual(["B", 7, 7, 1024]);
    expect(shapeOf(a, "grid")).toEqual(["B", 7, 7, 30]);
  });

  it("the mini's training options carry the paper's loss settings", () => {
    const { doc, analysis } = loadConfig("yolo-v1", "mini");
    const o = doc.training!.options!;
    expect(o).toMatchObject({ gridSize: 7, boxesPerCell: 2, lambdaCoord: 5, lambdaNoobj: 0.5, sqrtWidthHeight: true });
    expect(shapeOf(analysis, "grid")).toEqual(["B", 7, 7, (o.boxesPerCell as number) * 5 + (o.classes as number)]);
  });
});

describe("SSD300 against torchvision", () => {
  it("is torchvision's 35,641,826 less the 512 scales of its L2 normalization", () => {
    expectReference("ssd", 35_641_826);
    const a = full("ssd");
    expect(a.totals.params + 512).toBe(35_641_826);
  });

  it("predicts 8,732 default boxes from six feature maps", () => {
    const a = full("ssd");
    const sides = ["block4", "fc7", "conv8", "conv9", "conv10", "conv11"].map((id) => shapeOf(a, id)![1]);
    expect(sides).toEqual([38, 19, 10, 5, 3, 1]);
    expect(shapeOf(a, "classes")).toEqual(["B", 8732, 91]);
    expect(shapeOf(a, "boxes")).toEqual(["B", 8732, 4]);
  });

  it("the mini's default-box options match its feature maps and heads", () => {
    const { doc, analysis: a } = loadConfig("ssd", "mini");
    const o = doc.training!.options!;
    const sides = String(o.featureMaps).split(",").map(Number);
    const heads = doc.nodes.filter((n) => n.kind === "MultiboxHead");
    expect(heads.map((h) => a.nodes.get(h.id)!.inputs.x![1])).toEqual(sides);
    // Boxes per position: scale s_k and sqrt(s_k s_k+1) at ratio 1, plus each ratio r and 1/r.
    const perPosition = String(o.aspectRatios).split("|").map((rs) => 2 + 2 * rs.split(",").length);
    expect(heads.map((h) => (h.params.offsetFilters as number) / 4)).toEqual(perPosition);
    expect(heads.map((h) => (h.params.scoreFilters as number) / ((o.classes as number) + 1))).toEqual(perPosition);
    const boxes = sum(sides.map((s, i) => s * s * perPosition[i]!));
    expect(shapeOf(a, "classes")).toEqual(["B", boxes, (o.classes as number) + 1]);
    expect(shapeOf(a, "boxes")).toEqual(["B", boxes, 4]);
  });
});
