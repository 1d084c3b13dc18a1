import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { encodePng } from "../../../cli/notebook/png.js";
import { openDataset } from "../../../electron/host/train/datasets.js";
import { Kernel } from "../../../runtime/notebook/kernel.js";
import type { NotebookOutput } from "../../../runtime/notebook/format.js";

const loaded = parseGraphFile(readFileSync("tests/fixtures/lenet5.layerloom.json", "utf8"));
if (!loaded.ok) throw new Error("fixture");
const graph = loaded.doc;

function kernel(): Kernel {
  return new Kernel({ graph, loadDataset: (id) => openDataset(id, "/nonexistent-cache"), encodePng });
}
const plain = (o: NotebookOutput | undefined): string => (o && "data" in o ? String(o.data["text/plain"]) : o?.output_type === "stream" ? o.text : "");

function decode(o: NotebookOutput | undefined): PNG {
  if (!o || !("data" in o) || typeof o.data["image/png"] !== "string") throw new Error("no image/png output");
  return PNG.sync.read(Buffer.from(o.data["image/png"], "base64"));
}
/** Distinct colours in the image: a blank one has one. */
function colours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

describe("notebook kernel", () => {
  it("keeps top-level declarations for later cells: const, let, var, function, class, destructuring", async () => {
    const k = kernel();
    const first = await k.run([
      "const a: number = 2",
      "let b = 3, c: string = 'x'",
      "var v = 10",
      "function twice(n: number): number { return n * a }",
      "class Box<T> { constructor(readonly value: T) {} }",
      "const { p, q: [r, ...rest] } = { p: 1, q: [5, 6, 7] }",
      "interface Unused { z: number }",
    ].join("\n"));
    expect(first.ok).toBe(true);
    expect(first.outputs).toEqual([]); // declarations display nothing
    const second = await k.run("b = b + 1;\n[a, b, c, v, twice(4), new Box(9).value, p, r, rest.length].join(',')");
    expect(plain(second.outputs[0])).toBe("2,4,x,10,8,9,1,5,2");
    expect((await k.run("const h = hoisted()\nfunction hoisted() { return b }\nh")).outputs.map(plain)).toEqual(["4"]);
    // A function from an earlier cell sees later changes to the names it uses, as in Jupyter.
    expect(plain((await k.run("const a2 = 1; let mult = 3\nconst f = () => mult * 2")).outputs[0])).toBe("");
    expect(plain((await k.run("mult = 5\nf()")).outputs[0])).toBe("10");
  });

  it("displays the last expression, as an execute_result, unless it is undefined", async () => {
    const k = kernel();
    const r = await k.run("const x = [1, 2]\nx.length * 21");
    expect(r.outputs).toEqual([{ output_type: "execute_result", data: { "text/plain": "42" }, metadata: {}, execution_count: 1 }]);
    expect((await k.run("undefined")).outputs).toEqual([]);
    expect((await k.run("console.log('a', 1); console.log('b')\nconst y = 1")).outputs).toEqual([{ output_type: "stream", name: "stdout", text: "a 1\nb\n" }]);
  });

  it("runs top-level await", async () => {
    const r = await kernel().run("const v = await new Promise<number>((ok) => setTimeout(() => ok(7), 5))\nv * 2");
    expect(plain(r.outputs[0])).toBe("14");
  });

  it("reports a runtime error with the cell's own line and no stack frames", async () => {
    const r = await kernel().run("type T = {\n  a: number\n}\nconst t: T = { a: 1 }\n\nconst boom = (t as any).missing.deeper\n");
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: "TypeError", line: 6 });
    const err = r.outputs.at(-1)!;
    expect(err.output_type).toBe("error");
    if (err.output_type === "error") {
      expect(err.traceback).toHaveLength(1);
      expect(err.traceback[0]).toMatch(/^TypeError \(cell line 6\): /);
      expect(err.traceback[0]).not.toMatch(/\bat |\.ts:|\.js:/);
    }
  });

  it("reports a syntax error with its line", async () => {
    const r = await kernel().run("const ok = 1\nconst broken = ;\n");
    expect(r.error).toMatchObject({ name: "SyntaxError", line: 2 });
  });

  it("refuses imports with a message saying what is in scope", async () => {
    for (const src of ["import * as tf from '@tensorflow/tfjs'", "const x = 1\nconst m = await import('fs')", "export const y = 2"]) {
      const r = await kernel().run(src);
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(/already in scope \(tf, graph, ll/);
    }
  });

  it("has tf, graph, ll, table and model/data getters in scope", async () => {
    const k = kernel();
    const r = await k.run("const s = ll.summary()\ndisplay(s);\n[graph.name, tf.tensor([1, 2]).sum().arraySync(), model === undefined, data === undefined].join(' ')");
    expect(r.ok).toBe(true);
    const shown = r.outputs[0]!;
    expect("data" in shown && String(shown.data["text/html"])).toMatch(/<td>c1<\/td><td>Conv2D<\/td><td>B×28×28×6<\/td><td>156<\/td>/);
    expect(plain(shown)).toMatch(/total\s+61,706/);
    expect(plain(r.outputs[1])).toBe("LeNet-5 3 true true");
    const m = await k.run("await ll.build()\nmodel.countParams()");
    expect(plain(m.outputs.at(-1))).toBe("61,706");
  });

  it("renders plots as valid, non-blank PNGs with the sizes of what they show", async () => {
    const k = kernel();
    const r = await k.run([
      "display(plot.line({ series: [{ name: 'loss', values: [3, 2, 1.5, 1.2] }], title: 'loss' }))",
      "display(plot.scatter({ points: [[0, 0], [1, 2], [2, 1]], labels: [0, 1, 2] }))",
      "display(plot.bar({ labels: ['a', 'b'], values: [1, 3] }))",
      "display(plot.image(tf.linspace(0, 1, 28 * 28).reshape([28, 28])))",
      "plot.images([tf.ones([8, 8, 3]), tf.zeros([8, 8])], { columns: 2, scale: 4 })",
    ].join("\n"));
    expect(r.ok).toBe(true);
    const [line, scatter, bar, image, grid] = r.outputs.map(decode);
    for (const png of [line!, scatter!, bar!]) {
      expect([png.width, png.height]).toEqual([480, 300]);
      expect(colours(png)).toBeGreaterThan(3);
    }
    expect([image!.width, image!.height]).toEqual([112, 112]); // 28 px scaled 4x
    expect(colours(image!)).toBeGreaterThan(100); // a gradient
    expect([grid!.width, grid!.height]).toEqual([8 * 4 * 2 + 4, 32]);
    expect(grid!.data.readUInt32BE(0)).toBe(0xffffffff); // the white image first
    expect(grid!.data.readUInt32BE((10 * grid!.width + 50) * 4)).toBe(0x000000ff); // then the black one
    const chart = r.outputs[0]!;
    expect("data" in chart && chart.data["application/vnd.layerloom.plot+json"]).toMatchObject({ type: "line", title: "loss" });
  });

  it("says what plot.image accepts when given the wrong shape", async () => {
    const r = await kernel().run("plot.image(tf.zeros([2, 3, 4, 5, 6]))");
    expect(r.error?.message).toMatch(/\[H, W\], \[H, W, 1\] or \[H, W, 3\]/);
  });

  it("stops a cell on interrupt and keeps working afterwards", async () => {
    const k = kernel();
    const running = k.run("await new Promise(() => {})");
    setTimeout(() => k.interrupt(), 20);
    const r = await running;
    expect(r.error?.name).toBe("KeyboardInterrupt");
    expect(plain((await k.run("1 + 1")).outputs[0])).toBe("2");
  });

  it("trains a few steps with the document's training section and evaluates on the test split", async () => {
    const k = kernel();
    const r = await k.run("const run = await ll.train(graph, { steps: 3 })\nconst ev = await ll.evaluate(graph, run.networks);\n[run.history.length, run.columns.join(','), typeof ev.loss, model === run.networks.model, data.id].join(' ')");
    expect(r.error).toBeUndefined();
    expect(plain(r.outputs[0])).toBe("3 loss,accuracy number true shipped:digits-32");
    const h = await k.run("run.history.every((h) => Number.isFinite(h.loss) && h.loss > 0) && ev.loss > 0");
    expect(plain(h.outputs[0])).toBe("true");
  }, 60_000);
});
