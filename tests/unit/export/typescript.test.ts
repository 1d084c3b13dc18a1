/**
 * The TypeScript export's text: what it imports, how it names and comments, the node-to-lines
 * map a code view highlights, determinism, and what it does with documents it cannot export.
 * (That the code compiles, runs and matches the app is typescript-roundtrip.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { exportTypeScript, linesOfNode } from "../../../graph-ir/export/typescript.js";
import { googlenet, hostileText, lenet, toyGan } from "./samples.js";

function exported(doc = lenet()) {
  const r = exportTypeScript(doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r;
}

describe("TypeScript export", () => {
  it("imports @tensorflow/tfjs and nothing else", () => {
    for (const doc of [lenet(), googlenet(), toyGan()]) {
      const imports = [...exported(doc).text.matchAll(/^\s*import\s.*$/gm)].map((m) => m[0]);
      expect(imports).toEqual(['import * as tf from "@tensorflow/tfjs";']);
      expect(exported(doc).text).not.toMatch(/\brequire\(|\bimport\(/);
    }
  });

  it("builds each network in its own function, with variables and layer names from the graph", () => {
    const { text } = exported(toyGan());
    expect(text).toContain("export function buildG(): tf.LayersModel {");
    expect(text).toContain("export function buildD(): tf.LayersModel {");
    expect(text).toMatch(/const g_hidden = tf\.layers\.dense\(\{\s+name: "g_hidden", units: 100, activation: "relu",\s+\}\)\.apply\(z\) as tf\.SymbolicTensor;/);
    expect(text).toContain('return tf.model({ name: "G", inputs: [z], outputs: [g_out] });');
    expect(text).toContain("export async function trainGan(");
  });

  it("opens each block instance with a comment and names its layers instance__inner", () => {
    const { text } = exported(googlenet());
    expect(text).toContain('// Block inc3a (Inception module "Inception (3a)", 37,688 parameters)');
    expect(text).toContain("// Block aux1 (Auxiliary classifier");
    expect(text).toMatch(/const inc3a__b1_1x1 = tf\.layers\.conv2d\(\{\n\s+name: "inc3a__b1_1x1"/);
  });

  it("maps every node to the lines that build it, for the code view's highlight", () => {
    const r = exported(googlenet());
    const lines = r.text.split("\n");
    const doc = googlenet();
    for (const node of doc.nodes) {
      const spans = linesOfNode(r.spans, node.id);
      expect(spans.length, node.id).toBeGreaterThan(0);
      const text = spans.flatMap((s) => lines.slice(s.startLine - 1, s.endLine)).join("\n");
      // The node's own layer (or, for a block, every layer of the block) is in its lines, and no other node's.
      expect(text).toMatch(new RegExp(`name: "${node.id}(__[A-Za-z0-9_]+)?"`));
      const names = [...text.matchAll(/name: "([^"]+)"/g)].map((m) => m[1]!.split("__")[0]);
      expect(new Set(names)).toEqual(new Set([node.id]));
    }
    // An inception module: a 1x1 branch, 3x3 and 5x5 branches with their 1x1 reductions, a pool branch with its projection, the concatenation.
    const inc = linesOfNode(r.spans, "inc3a");
    expect(inc.length).toBe(1);
    expect(lines[inc[0]!.startLine - 1]).toContain("// Block inc3a");
    expect(lines.slice(inc[0]!.startLine - 1, inc[0]!.endLine).filter((l) => l.includes("tf.layers.")).length).toBe(8);
  });

  it("writes the loss weights and the optimizer of the document's training section", () => {
    const { text } = exported(googlenet());
    expect(text).toContain("/** The weighted loss: 1 × categoricalCrossentropy(logits) + 0.3 × categoricalCrossentropy(aux1) + 0.3 × categoricalCrossentropy(aux2). */");
    expect(text).toContain("tf.mul(0.3, categoricalCrossentropy(targets.aux1, outputs[1]!)),");
    expect(text).toContain("return tf.train.momentum(0.01, 0.9);");
    expect(text).not.toContain("clipByGlobalNorm");
    const clipped = googlenet();
    const withClip = exported({ ...clipped, training: { ...clipped.training!, clipNorm: 5 } }).text;
    expect(withClip).toContain("optimizer.applyGradients(clipByGlobalNorm(grads, 5));");
  });

  it("is the same text every time", () => {
    expect(exported(googlenet()).text).toBe(exported(googlenet()).text);
  });

  it("says so when the recipe has no TypeScript form, and still builds the networks", () => {
    const doc = toyGan();
    const r = exported({ ...doc, training: { ...doc.training!, recipe: "wgan" } });
    expect(r.warnings).toEqual(['the training recipe "wgan" is not exported as TypeScript yet; the file builds the networks, and training stays in Layerloom']);
    expect(r.text).toContain("// Note: the training recipe \"wgan\" is not exported");
    expect(r.text).not.toContain("trainGan");
  });

  it("writes each adversarial recipe's own losses, schedule and options", () => {
    const doc = toyGan();
    const as = (recipe: string, options = {}) => exported({ ...doc, training: { ...doc.training!, recipe, options } });
    const hinge = as("hinge");
    expect(hinge.warnings).toEqual([]);
    expect(hinge.text).toContain("tf.mean(tf.relu(tf.sub(1, dReal)))");
    // hinge's default schedule is D then G on every batch; gan's is alternate batches.
    expect(hinge.text).toContain("return { discriminator: true, generator: true };");
    const clip = as("wgan-clip", { clip: 0.05, dLearningRate: 0.002 });
    expect(clip.text).toContain("clip: 0.05");
    expect(clip.text).toContain("generator: step % 5 === 4");
    expect(clip.text).toContain("discriminator: tf.train.adam(0.002");
    expect(as("wgan-gp", { gpWeight: 3 }).text).toContain("gpWeight: 3");
  });

  it("says why when the networks do not fit the adversarial recipe", () => {
    const doc = toyGan();
    const r = exported({ ...doc, training: { ...doc.training!, recipe: "conditional-gan" } });
    expect(r.warnings).toEqual([`the conditional-gan generator 'G' needs two inputs, one Latent noise node and one label Input, for the export to write its training`]);
    expect(r.text).not.toContain("trainGan");
  });

  it("refuses a document with errors, with the diagnostics that say what to fix", () => {
    const doc = lenet();
    const r = exportTypeScript({ ...doc, nodes: doc.nodes.map((n) => (n.id === "c5" ? { ...n, params: { units: -1 } } : n)) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.code, d.nodeId])).toContainEqual(["bad-param", "c5"]);
    const empty = exportTypeScript({ ...doc, networks: [] });
    expect(!empty.ok && empty.diagnostics[0]!.message).toContain("no network to export");
  });

  it("offers a file name from the document's name", () => {
    expect(exported().fileName).toBe("lenet-5.ts");
    expect(exported(toyGan()).fileName).toBe("toy-gan-2-d.ts");
  });
});

describe("free text from the graph file", () => {
  it("stays inside comments in the TypeScript export", () => {
    const { text } = exported(hostileText());
    const code = text.split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => l.trim());
    // Text that broke out of a comment would start a line of its own.
    for (const line of code) expect(/^(process\.exit|import os|# also)/.test(line), line).toBe(false);
    expect(text.match(/\*\//g)!.length).toBe(text.match(/\/\*\*/g)!.length);
    expect(text).toContain("// C1 process.exit(3) process.exit(4) # also import os: Conv 2D");
  });
});
