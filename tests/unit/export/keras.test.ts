/**
 * The Keras export: one golden file per fixture, template and coverage document
 * (tests/golden/keras/, rewritten with UPDATE_GOLDEN=1 for review), every recipe's training
 * written (a recipe the export cannot write keeps a specific warning), a Python syntax check
 * with py_compile and a check that every name read is bound, and, where Python has TensorFlow,
 * a build of every network compared with the app's parameter counts. Without python3 or
 * TensorFlow those checks say so and skip. The training maths is in keras-training.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { exportKeras, STRATEGIES } from "../../../graph-ir/export/keras.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { exportCases } from "./documents.js";
import { hostileText, lenet, toyGan } from "./samples.js";
import { workspace } from "./workspace.js";

const retrain = (doc: GraphDocument, t: Partial<TrainingSpec>): GraphDocument => ({ ...doc, training: { ...doc.training!, ...t } });
const GOLDEN = new URL("../../golden/keras/", import.meta.url).pathname;
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const cases = exportCases();
const ws = workspace("keras-export");
afterAll(() => ws.remove());

function python(): { ok: true; tensorflow: boolean } | { ok: false; reason: string } {
  const probe = spawnSync("python3", ["-c", "import sys; print(sys.version_info[0])"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { ok: false, reason: `no python3 here (${probe.error?.message ?? probe.stderr.trim()})` };
  const tf = spawnSync("python3", ["-c", "import tensorflow"], { encoding: "utf8" });
  return { ok: true, tensorflow: tf.status === 0 };
}
const py = python();

const scripts = new Map<string, string>();
for (const c of cases) {
  const r = exportKeras(c.doc, { strategy: "mirrored" });
  if (r.ok) scripts.set(c.name, ws.write(`${c.name.replace(/-/g, "_")}.py`, r.text));
}

describe("Keras export", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s matches its golden file", (name, c) => {
    const r = exportKeras(c.doc, { strategy: "mirrored" });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
    // Every recipe's training is written: a script leaves nothing out.
    expect(r.warnings).toEqual([]);
    const file = join(GOLDEN, `${name}.py`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, r.text);
    }
    expect(existsSync(file), `no golden file for ${c.source}: run UPDATE_GOLDEN=1 npx vitest run tests/unit/export/keras.test.ts and review the new file`).toBe(true);
    expect(r.text).toBe(readFileSync(file, "utf8"));
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s names every Keras layer as the app's model does", (_name, c) => {
    const r = exportKeras(c.doc);
    if (!r.ok) throw new Error("export failed");
    const named = new Set([...r.text.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]!));
    for (const net of c.doc.networks) {
      const compiled = compileNetwork(c.doc, net.id);
      if (!compiled.ok) throw new Error("compile failed");
      for (const layer of compiled.topology.config.layers) expect(named.has(layer.name), `layer ${layer.name}`).toBe(true);
    }
  });

  it("writes the document's losses and loss weights, optimizer and clipping", () => {
    const googlenet = cases.find((c) => c.name === "fixture-googlenet-mini")!;
    const g = exportKeras(googlenet.doc);
    if (!g.ok) throw new Error("export failed");
    expect(g.text).toContain('loss=["categorical_crossentropy", "categorical_crossentropy", "categorical_crossentropy"]');
    expect(g.text).toContain("loss_weights=[1, 0.3, 0.3]");
    expect(g.text).toContain("keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)");
    const zoo = cases.find((c) => c.name === "coverage-vision-zoo")!;
    const z = exportKeras(zoo.doc);
    if (!z.ok) throw new Error("export failed");
    expect(z.text).toContain("global_clipnorm=1");
    expect(z.text).toContain("weight_decay=0.001");
    expect(z.text).toContain('loss_weights=[1, 0.5, 0.25]');
  });

  it.each([
    ["an unknown recipe", () => retrain(lenet(), { recipe: "mystery" }), 'the training recipe "mystery" is not exported to Keras yet; the script builds the networks, and training stays in Layerloom'],
    ["word2vec on a network that is not CBOW", () => retrain(lenet(), { recipe: "word2vec" }), "word2vec reads network 'lenet' as CBOW (Input of context ids -> Embedding -> GlobalAveragePooling1D -> Dense), which it is not, so the script has no training"],
    ["yolo without a yoloV1 loss", () => retrain(lenet(), { recipe: "yolo" }), "the yolo recipe needs network 'lenet' to take one image and exactly one yoloV1 loss on one of its outputs, so the script has no training"],
    ["conditional-gan with a noise-only generator", () => retrain(toyGan(), { recipe: "conditional-gan" }), "the conditional-gan generator 'G' needs two inputs, one Latent noise node and one label Input, for the Keras export to write its training"],
    ["autoregressive on a network without an image input", () => retrain(toyGan(), { recipe: "autoregressive", networks: { model: "D" } }), "the autoregressive recipe needs network 'D' to take one height×width×channels image, so the script has no training"],
  ])("keeps a specific warning, and no training loop, for %s", (_name, make, warning) => {
    const r = exportKeras(make());
    if (!r.ok) throw new Error("export failed");
    expect(r.warnings).toEqual([warning]);
    expect(r.text).not.toContain("def main():");
  });

  it("takes the recipe's settings from training.options, with the runtime's defaults", () => {
    const gan = (options: Record<string, number | boolean>) => {
      const r = exportKeras(retrain(toyGan(), { recipe: "wgan-clip", options }));
      if (!r.ok) throw new Error("export failed");
      return r.text;
    };
    const defaults = gan({});
    expect(defaults).toContain("CLIP = 0.01  # training.options.clip");
    expect(defaults).toContain("return True, step % 5 == 4");
    expect(defaults).toContain("d_step = distributed_step(strategy, gan.d_update, after=gan.after_d_update)");
    const set = gan({ clip: 0.05, dSteps: 2, alternate: true, dLearningRate: 0.002 });
    expect(set).toContain("CLIP = 0.05");
    expect(set).toContain("update_d = step % 3 < 2");
    expect(set).toContain("self.d_optimizer = keras.optimizers.Adam(learning_rate=0.002");
    expect(set).toContain("self.g_optimizer = keras.optimizers.Adam(learning_rate=0.001");
  });

  it("sets the distribution strategy the export asks for", () => {
    for (const strategy of STRATEGIES) {
      const r = exportKeras(lenet(), { strategy });
      if (!r.ok) throw new Error("export failed");
      expect(r.text).toContain(`STRATEGY = "${strategy}"`);
      expect(r.text).toContain("tf.distribute.MirroredStrategy()");
      expect(r.text).toContain("tf.distribute.MultiWorkerMirroredStrategy()");
    }
  });

  it("refuses a document whose network has errors, with the diagnostics", () => {
    const doc = lenet();
    const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === "c3" ? { ...n, params: { ...n.params, kernelSize: [15, 15] } } : n)) };
    const r = exportKeras(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.some((d) => d.nodeId === "c3")).toBe(true);
  });

  it("keeps free text from the graph file inside comments and the docstring", (ctx) => {
    const r = exportKeras(hostileText());
    if (!r.ok) throw new Error("export failed");
    const lines = r.text.split(/\r\n|\r|\n/);
    const docEnd = lines.indexOf('"""', 1);
    for (const [i, line] of lines.entries()) {
      // Text that broke out of a comment would start a line of its own.
      if (i > docEnd) expect(/^\s*(process\.exit|import os|alert)/.test(line), line).toBe(false);
    }
    expect(r.text).toContain("# C1 process.exit(3) process.exit(4) # also import os: Conv 2D");
    if (!py.ok) {
      ctx.skip();
      return;
    }
    const file = ws.write("hostile.py", r.text);
    const check = spawnSync("python3", ["-c", "import ast, sys\ntree = ast.parse(open(sys.argv[1]).read())\nprint(sum(1 for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, 'attr', '') == 'system'))\nprint(ast.get_docstring(tree).splitlines()[0])", file], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    const [systemCalls, firstLine] = check.stdout.trim().split("\n");
    expect(systemCalls).toBe("0");
    expect(firstLine).toBe('Evil */ process.exit(1) /* """ \\x');
  });

  it("is valid Python (py_compile)", (ctx) => {
    if (!py.ok) {
      console.log(`Keras export syntax check skipped: ${py.reason}`);
      ctx.skip();
      return;
    }
    const files = [...scripts.values()];
    expect(files.length).toBe(cases.length);
    const r = spawnSync("python3", ["-c", "import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True)", ...files], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("uses only names it defines, imports or Python has built in", (ctx) => {
    if (!py.ok) {
      ctx.skip();
      return;
    }
    // A rough pyflakes: every name read somewhere is bound somewhere (a typo in a loop would pass py_compile).
    const check = [
      "import ast, builtins, sys",
      "for f in sys.argv[1:]:",
      "    tree = ast.parse(open(f).read())",
      "    bound = set(dir(builtins))",
      "    for n in ast.walk(tree):",
      "        if isinstance(n, (ast.FunctionDef, ast.ClassDef)): bound.add(n.name)",
      "        elif isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load): bound.add(n.id)",
      "        elif isinstance(n, ast.arg): bound.add(n.arg)",
      "        elif isinstance(n, (ast.Import, ast.ImportFrom)): bound.update((a.asname or a.name).split('.')[0] for a in n.names)",
      "    unbound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - bound",
      "    if unbound: print(f, sorted(unbound))",
    ].join("\n");
    const r = spawnSync("python3", ["-c", check, ...scripts.values()], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
  });

  it("builds with TensorFlow the parameter counts the app shows", (ctx) => {
    if (!py.ok || !py.tensorflow) {
      console.log(`Keras export build check skipped: ${py.ok ? "python3 has no tensorflow module" : py.reason}; only the syntax is checked`);
      ctx.skip();
      return;
    }
    for (const c of cases) {
      const file = scripts.get(c.name)!;
      const a = analyze(c.doc);
      for (const net of c.doc.networks) {
        const fn = `build_${net.id.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()}`;
        const out = execFileSync("python3", ["-c", `import importlib.util, sys\nspec = importlib.util.spec_from_file_location("m", sys.argv[1])\nm = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(m)\nprint(getattr(m, sys.argv[2])().count_params())`, file, fn], { encoding: "utf8" });
        expect(Number(out.trim()), `${c.name} ${net.id}`).toBe(a.networks.get(net.id)!.params);
      }
    }
  }, 300_000);
});
