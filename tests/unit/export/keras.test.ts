/**
 * The Keras export: one golden file per fixture, template and coverage document
 * (tests/golden/keras/, rewritten with UPDATE_GOLDEN=1 for review), a Python syntax check with
 * py_compile, and, where Python has TensorFlow, a build of every network compared with the
 * app's parameter counts. Without python3 or TensorFlow those checks say so and skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportKeras, STRATEGIES } from "../../../graph-ir/export/keras.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { exportCases } from "./documents.js";
import { hostileText, lenet } from "./samples.js";
import { workspace } from "./workspace.js";

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
    // The only thing a script may leave out is training for a recipe the Keras export does not write.
    const recipe = c.doc.training?.recipe;
    expect(r.warnings).toEqual(recipe === undefined || recipe === "supervised" || recipe === "gan" ? [] : [`the training recipe "${recipe}" is not exported to Keras yet; the script builds the networks, and training stays in Layerloom`]);
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
