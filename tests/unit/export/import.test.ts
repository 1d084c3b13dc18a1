/**
 * Importing model.json files written elsewhere (Keras 2 and 3's model.to_json(), Sequential
 * models), partial imports (unsupported layers reported by name, the rest imported), and hostile
 * files: each refused or reported with a typed code, never a throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGraphFile, serializeGraph } from "../../../graph-ir/core/load.js";
import { formatShape } from "../../../graph-ir/core/shape.js";
import { importModelJson } from "../../../graph-ir/import/model-json.js";
import type { ImportResult } from "../../../graph-ir/import/types.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { loadModelFiles, modelFiles } from "../../../runtime/export/model-artifacts.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import { lenet } from "./samples.js";

const tensor = (layer: string, shape: (number | null)[]) => ({ class_name: "__keras_tensor__", config: { shape, dtype: "float32", keras_history: [layer, 0, 0] } });
const init = (cls: string) => ({ module: "keras.initializers", class_name: cls, config: { seed: null }, registered_name: null });
const dtype = { module: "keras", class_name: "DTypePolicy", config: { name: "float32" }, registered_name: null };

/** A small residual MLP as Keras 3's model.to_json() writes it. */
function keras3Functional(): string {
  const layer = (class_name: string, name: string, config: Record<string, unknown>, args: unknown[]) => ({
    module: "keras.layers", class_name, config: { name, trainable: true, dtype, ...config }, registered_name: null, name,
    inbound_nodes: [{ args, kwargs: {} }],
  });
  return JSON.stringify({
    module: "keras.src.models.functional", class_name: "Functional", registered_name: "Functional",
    config: {
      name: "residual_mlp", trainable: true,
      layers: [
        { module: "keras.layers", class_name: "InputLayer", config: { batch_shape: [null, 16], dtype: "float32", sparse: false, name: "features" }, registered_name: null, name: "features", inbound_nodes: [] },
        layer("Dense", "hidden", { units: 16, activation: "relu", use_bias: true, kernel_initializer: init("GlorotUniform"), bias_initializer: init("Zeros"), kernel_regularizer: { module: "keras.regularizers", class_name: "L2", config: { l2: 0.01 } } }, [tensor("features", [null, 16])]),
        layer("Add", "skip", {}, [[tensor("features", [null, 16]), tensor("hidden", [null, 16])]]),
        layer("Activation", "identity", { activation: "linear" }, [tensor("skip", [null, 16])]),
        layer("Dense", "logits", { units: 3, activation: "softmax", use_bias: true }, [tensor("identity", [null, 16])]),
      ],
      input_layers: ["features", 0, 0],
      output_layers: [["logits", 0, 0]],
    },
  });
}

/** Keras 2's Sequential model.to_json(), without an InputLayer (the first layer carries batch_input_shape). */
function keras2Sequential(): string {
  return JSON.stringify({
    class_name: "Sequential", keras_version: "2.12.0", backend: "tensorflow",
    config: {
      name: "sequential",
      layers: [
        { class_name: "Conv2D", config: { name: "conv2d", batch_input_shape: [null, 28, 28, 1], dtype: "float32", filters: 8, kernel_size: [3, 3], strides: [1, 1], padding: "valid", data_format: "channels_last", dilation_rate: [1, 1], groups: 1, activation: "relu", use_bias: true } },
        { class_name: "MaxPooling2D", config: { name: "max_pooling2d", pool_size: [2, 2], padding: "valid", strides: [2, 2], data_format: "channels_last" } },
        { class_name: "Flatten", config: { name: "flatten", data_format: "channels_last" } },
        { class_name: "Dropout", config: { name: "dropout", rate: 0.25, noise_shape: null, seed: null } },
        { class_name: "Dense", config: { name: "dense", units: 10, activation: "softmax", use_bias: true } },
      ],
    },
  });
}

/** A tfjs model.json (Keras 2 inbound format) with layers edited by `edit`. */
async function lenetModelJson(edit?: (json: { modelTopology: { config: { layers: { name: string; class_name: string; config: Record<string, unknown>; inbound_nodes: unknown[] }[] } }; weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[] }) => void) {
  const net = await materializeNetwork(lenet(), "lenet");
  const files = await modelFiles(net.model);
  net.model.dispose();
  const json = JSON.parse(files.modelJson);
  edit?.(json);
  return { text: JSON.stringify(json), weights: files.weights };
}

function ok(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

describe("importing Keras model.json files", () => {
  it("reads Keras 3's functional format: tensors by keras_history, wrapped dtypes and initializers, a single input written flat", () => {
    const r = ok(importModelJson(keras3Functional()));
    expect(r.unsupported).toEqual([]);
    expect(r.doc.nodes.map((n) => [n.id, n.kind])).toEqual([["features", "Input"], ["hidden", "Dense"], ["skip", "Add"], ["logits", "Dense"]]);
    // The linear Activation is an identity: its consumer reads the Add directly.
    expect(r.doc.edges.map((e) => `${e.from.join(".")}->${e.to.join(".")}`)).toEqual(["features.y->hidden.x", "features.y->skip.in0", "hidden.y->skip.in1", "skip.y->logits.x"]);
    expect(r.issues.map((i) => [i.code, i.layer])).toEqual([["setting-dropped", "hidden"]]);
    expect(r.issues[0]!.message).toContain("kernel_regularizer");
    const a = analyze(r.doc);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const net = a.networks.get("residual_mlp")!;
    expect(net.params).toBe(16 * 16 + 16 + 16 * 3 + 3);
    expect(net.outputs.map((o) => formatShape(o.shape!))).toEqual(["B×3"]);
    expect(r.doc.name).toBe("residual_mlp");
  });

  it("reads Keras 2's Sequential format and makes the Input from the first layer's batch_input_shape", () => {
    const r = ok(importModelJson(keras2Sequential(), { name: "MNIST CNN" }));
    expect(r.doc.name).toBe("MNIST CNN");
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(["Input", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"]);
    expect(r.doc.nodes[0]!.params).toEqual({ shape: [28, 28, 1], dtype: "float32" });
    const a = analyze(r.doc);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // conv 3*3*1*8+8 = 80; dense 13*13*8*10+10 = 13,530.
    expect(a.networks.get("sequential")!.params).toBe(80 + 13_530);
  });

  it("reports unsupported layers by name and imports the rest, leaving their consumers' inputs open", async () => {
    const { text } = await lenetModelJson((json) => {
      const s2 = json.modelTopology.config.layers.find((l) => l.name === "s2")!;
      s2.class_name = "FancyWarpLayer";
    });
    const r = ok(importModelJson(text));
    expect(r.unsupported).toEqual(["s2"]);
    expect(r.issues.find((i) => i.layer === "s2")).toMatchObject({ code: "unsupported-layer", severity: "error" });
    expect(r.issues.find((i) => i.layer === "s2")!.message).toContain("FancyWarpLayer");
    expect(r.issues.find((i) => i.code === "unconnected")).toMatchObject({ layer: "c3", nodeId: "c3" });
    expect(r.doc.nodes.map((n) => n.id)).toEqual(["image", "c1", "c3", "s4", "flatten", "c5", "f6", "output"]);
    // The weights of the missing layer are not reported as strays; s2 has none anyway.
    expect(r.issues.some((i) => i.code === "weights-unused")).toBe(false);
  });

  it("imports a layer called twice as two nodes and says the weights are no longer shared", () => {
    const json = {
      class_name: "Model",
      config: {
        name: "siamese",
        layers: [
          { name: "a", class_name: "InputLayer", config: { batch_input_shape: [null, 4], dtype: "float32", name: "a" }, inbound_nodes: [] },
          { name: "b", class_name: "InputLayer", config: { batch_input_shape: [null, 4], dtype: "float32", name: "b" }, inbound_nodes: [] },
          { name: "tower", class_name: "Dense", config: { name: "tower", units: 2 }, inbound_nodes: [[["a", 0, 0, {}]], [["b", 0, 0, {}]]] },
          { name: "join", class_name: "Concatenate", config: { name: "join", axis: -1 }, inbound_nodes: [[["tower", 0, 0, {}], ["tower", 1, 0, {}]]] },
        ],
        input_layers: [["a", 0, 0], ["b", 0, 0]],
        output_layers: [["join", 0, 0]],
      },
    };
    const r = ok(importModelJson(JSON.stringify(json)));
    expect(r.doc.nodes.map((n) => n.id)).toEqual(["a", "b", "tower", "tower_call2", "join"]);
    expect(r.issues.map((i) => i.code)).toEqual(["shared-layer"]);
    expect(analyze(r.doc).networks.get("siamese")!.outputs[0]!.shape).toEqual(["B", 4]);
  });

  it("renames layer names that are not node ids, keeping the name as the label", () => {
    const json = JSON.parse(keras2Sequential());
    json.config.layers[0].config.name = "block1/conv 3x3";
    const r = ok(importModelJson(JSON.stringify(json)));
    const node = r.doc.nodes.find((n) => n.kind === "Conv2D")!;
    expect(node.id).toBe("block1_conv_3x3");
    expect(node.label).toBe("block1/conv 3x3");
    expect(r.issues.map((i) => i.code)).toContain("renamed");
  });
});

const CODES = ["too-large", "not-json", "too-deep", "unsafe-key", "not-a-model", "unsupported-model", "too-many-layers", "invalid"];

describe("hostile model.json files get typed errors", () => {
  const code = (r: ImportResult) => (r.ok ? "ok" : r.error.code);

  it("10,000-deep nesting is refused before parsing, quickly", () => {
    const text = `{"modelTopology": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const t0 = performance.now();
    const r = importModelJson(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(code(r)).toBe("too-deep");
  });

  it("refuses what is not a Layers model, with the reason", () => {
    expect(code(importModelJson("{ not json"))).toBe("not-json");
    expect(code(importModelJson("[1, 2, 3]"))).toBe("not-a-model");
    expect(code(importModelJson(JSON.stringify({ hello: "world" })))).toBe("not-a-model");
    expect(code(importModelJson(JSON.stringify({ format: "graph-model", modelTopology: { node: [] } })))).toBe("unsupported-model");
    expect(code(importModelJson(JSON.stringify({ class_name: "MyCustomModel", config: {} })))).toBe("unsupported-model");
    expect(code(importModelJson(JSON.stringify({ class_name: "Model", config: { layers: "lots" } })))).toBe("invalid");
    expect(code(importModelJson(`{"class_name": "Model", "config": {"layers": [], "__proto__": {"polluted": true}}}`))).toBe("unsafe-key");
    expect(code(importModelJson(" ".repeat(33 * 1024 * 1024)))).toBe("too-large");
    const twins = { class_name: "Model", config: { layers: [{ class_name: "Dense", config: { name: "d", units: 1 } }, { class_name: "Dense", config: { name: "d", units: 1 } }] } };
    expect(code(importModelJson(JSON.stringify(twins)))).toBe("invalid");
    const huge = { class_name: "Sequential", config: { layers: Array.from({ length: 20_001 }, (_, i) => ({ class_name: "Dense", config: { name: `d${i}`, units: 1 } })) } };
    expect(code(importModelJson(JSON.stringify(huge)))).toBe("too-many-layers");
  });

  it("reports absurd sizes as bad configs of the layers that have them", async () => {
    const { text } = await lenetModelJson((json) => {
      const layers = json.modelTopology.config.layers;
      layers.find((l) => l.name === "image")!.config["batch_input_shape"] = [null, 1e12, 1e12, 1];
      layers.find((l) => l.name === "c5")!.config["units"] = 1e15;
      layers.find((l) => l.name === "f6")!.config["units"] = -3;
    });
    const r = ok(importModelJson(text));
    expect(r.unsupported).toEqual(["image", "c5", "f6"]);
    expect(r.issues.filter((i) => i.code === "bad-config").map((i) => i.layer)).toEqual(["image", "c5", "f6"]);
    expect(r.issues.find((i) => i.layer === "c5")!.message).toMatch(/units .* must be at most/);
  });

  it("reports a manifest with missing, wrongly sized, stray or absurd weights", async () => {
    const missing = await lenetModelJson((json) => { json.weightsManifest[0]!.weights = json.weightsManifest[0]!.weights.filter((w) => !w.name.startsWith("c3/")); });
    const r1 = ok(importModelJson(missing.text));
    expect(r1.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.layer])).toEqual([["weights-missing", "c3"]]);

    const wrong = await lenetModelJson((json) => {
      json.weightsManifest[0]!.weights.find((w) => w.name === "c5/bias")!.shape = [7];
      json.weightsManifest[0]!.weights.push({ name: "ghost/kernel", shape: [2, 2], dtype: "float32" });
    });
    const r2 = ok(importModelJson(wrong.text));
    expect(r2.issues.map((i) => [i.code, i.layer])).toEqual([["weights-mismatch", "c5"], ["weights-unused", "ghost"]]);

    const absurd = await lenetModelJson((json) => { json.weightsManifest[0]!.weights[0]!.shape = [1e9, 1e9]; });
    expect(ok(importModelJson(absurd.text)).issues.map((i) => i.code)).toEqual(["weights-invalid"]);

    // tfjs's own writers name the file "./weights.bin": that is beside model.json, and fine.
    const dotted = await lenetModelJson((json) => { json.weightsManifest[0]!.paths = ["./weights.bin"]; });
    expect(ok(importModelJson(dotted.text)).issues).toEqual([]);
    const loaded = await loadModelFiles(dotted.text, dotted.weights);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) loaded.model.dispose();

    const escape = await lenetModelJson((json) => { json.weightsManifest[0]!.paths = ["../../secrets.bin"]; });
    const r4 = ok(importModelJson(escape.text));
    expect(r4.issues.map((i) => i.code)).toEqual(["weights-invalid"]);
    expect(r4.issues[0]!.message).toContain("plain file names");
  });

  it("refuses to load weights that are missing, cut short or hostile, before tfjs sees them", async () => {
    const { text, weights } = await lenetModelJson();
    const name = [...weights.keys()][0]!;
    const data = weights.get(name)!;
    const load = (t: string, files: Map<string, Uint8Array>) => loadModelFiles(t, files).then((r) => (r.ok ? "ok" : r.error.code));
    expect(await load(text, new Map(weights))).toBe("ok");
    expect(await load(text, new Map())).toBe("weights-missing");
    expect(await load(text, new Map([[name, data.slice(0, data.length - 4)]]))).toBe("weights-size");
    const manifestless = JSON.parse(text);
    delete manifestless.weightsManifest;
    expect(await load(JSON.stringify(manifestless), new Map(weights))).toBe("weights-missing");
    const short = JSON.parse(text);
    short.weightsManifest[0].weights = short.weightsManifest[0].weights.filter((w: { name: string }) => !w.name.startsWith("c1/"));
    expect(await load(JSON.stringify(short), new Map(weights))).toBe("weights-missing");
    const unknown = JSON.parse(text);
    unknown.modelTopology.config.layers[2].class_name = "Nope";
    expect(await load(JSON.stringify(unknown), new Map(weights))).toBe("unsupported-layers");
    expect(await load(`{"modelTopology": ${"{".repeat(10_000)}`, new Map(weights))).toBe("too-deep");
  });

  it("never throws on arbitrary JSON (seeded)", () => {
    const layer = fc.record({ class_name: fc.constantFrom("Dense", "Conv2D", "InputLayer", "Add", "LSTM", "Bidirectional", "Weird"), config: fc.dictionary(fc.constantFrom("units", "name", "kernel_size", "batch_input_shape", "layer", "axis"), fc.jsonValue({ maxDepth: 3 })), inbound_nodes: fc.jsonValue({ maxDepth: 4 }) });
    const model = fc.record({ class_name: fc.constantFrom("Model", "Functional", "Sequential"), config: fc.record({ name: fc.string(), layers: fc.array(layer, { maxLength: 6 }), input_layers: fc.jsonValue({ maxDepth: 3 }), output_layers: fc.jsonValue({ maxDepth: 3 }) }) });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), model, fc.record({ modelTopology: model, weightsManifest: fc.jsonValue({ maxDepth: 4 }) })), (value) => {
        const r = importModelJson(JSON.stringify(value));
        if (r.ok) {
          // Whatever imports is a graph file that loads again.
          expect(parseGraphFile(serializeGraph(r.doc)).ok).toBe(true);
          return;
        }
        expect(CODES).toContain(r.error.code);
        // "internal error" is the importer's own bug report: hostile input must never reach it.
        expect(r.error.message).not.toContain("internal error");
      }),
      { seed: 20251129, numRuns: 300 },
    );
  });
});
