/**
 * Typed notebook cells: the bundled tfjs declarations match the installed tfjs; the cell scope
 * declares exactly the names the kernel provides (and ll / plot with the kernel's members); and,
 * checked the way Monaco does it (the bundled .d.ts files as the only packages, cells as scripts
 * sharing one scope, the ignored diagnostics off, semantic errors off), every template notebook's
 * code has no errors, a syntax error is still reported, `tf.` completes to the tfjs API, a name
 * from an earlier cell keeps its type and `tf.tensor` hovers with its tfjs signature.
 */
import { readFileSync, readdirSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generate } from "../../../../scripts/gen-notebook-tf-types.mjs";
import { IGNORED_DIAGNOSTICS, NO_SEMANTIC_VALIDATION, SCOPE_LIB, SCOPE_LIB_PATH, SCOPE_NAMES } from "../../../../renderer/notebook/cell-scope.js";
import { IN_SCOPE } from "../../../../runtime/notebook/compile-cell.js";
import { parseNotebook } from "../../../../runtime/notebook/format.js";
import { makeHelpers } from "../../../../runtime/notebook/helpers.js";
import { plot } from "../../../../runtime/notebook/plot.js";

const ROOT = new URL("../../../../", import.meta.url);
const GENERATED = readFileSync(new URL("renderer/notebook/tf-types.generated.json", ROOT), "utf8");
const LIBS = JSON.parse(GENERATED) as Record<string, string>;

// Parsed declaration files are shared between the checks below.
const registry = ts.createDocumentRegistry();
const declaredNames = (lib: string) => [...lib.matchAll(/^declare (?:const|var|function) (\w+)/gm)].map((m) => m[1]!);
const membersOf = (lib: string, iface: string) => {
  const body = new RegExp(`interface ${iface} \\{([\\s\\S]*?)\\n  \\}`).exec(lib)?.[1] ?? "";
  return [...body.matchAll(/^\s{4}(\w+)\(/gm)].map((m) => m[1]!).sort();
};

/** Diagnostics, and hover text / completions after `at`, for cells checked as Monaco checks them. */
function check(cells: string[], at?: { cell: number; text: string }) {
  const files = new Map<string, string>(Object.entries(LIBS).map(([p, t]) => [`/${p}`, t]));
  files.set(new URL(SCOPE_LIB_PATH).pathname, SCOPE_LIB);
  cells.forEach((c, i) => files.set(`/cell-${i}.ts`, c));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10, strict: false, noEmit: true, lib: ["lib.esnext.d.ts", "lib.dom.d.ts"], types: [] };
  const libDir = `${new URL("node_modules/typescript/lib/", ROOT).pathname}`;
  const read = (f: string) => files.get(f) ?? (f.startsWith(libDir) ? readFileSync(f, "utf8") : undefined);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...files.keys()].filter((f) => f.startsWith("/cell-") || f.includes("layerloom-notebook")),
    // The text itself: cells reuse file names across checks, and the shared registry caches by version.
    getScriptVersion: (f) => (f.startsWith("/cell-") ? files.get(f)! : "1"),
    getScriptSnapshot: (f) => { const t = read(f); return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t); },
    getCurrentDirectory: () => "/",
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => libDir + ts.getDefaultLibFileName(o),
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: (d) => d.startsWith(libDir) || [...files.keys()].some((f) => f.startsWith(d.endsWith("/") ? d : `${d}/`)),
  };
  const service = ts.createLanguageService(host, registry);
  const ignored = new Set<number>(IGNORED_DIAGNOSTICS);
  const errors = cells.flatMap((_, i) => [...service.getSyntacticDiagnostics(`/cell-${i}.ts`), ...(NO_SEMANTIC_VALIDATION ? [] : service.getSemanticDiagnostics(`/cell-${i}.ts`))]
    .filter((d) => !ignored.has(d.code))
    .map((d) => `cell ${i + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`));
  let hoverText: string | undefined, completions: string[] = [];
  if (at) {
    const file = `/cell-${at.cell}.ts`, pos = cells[at.cell]!.indexOf(at.text);
    hoverText = ts.displayPartsToString(service.getQuickInfoAtPosition(file, pos)?.displayParts);
    completions = service.getCompletionsAtPosition(file, pos + at.text.length, {})?.entries.map((e) => e.name) ?? [];
  }
  return { errors, hoverText, completions };
}

describe("typed notebook cells", () => {
  it("bundle the tfjs declarations of the installed tfjs (regenerate after upgrading tfjs)", () => {
    expect(GENERATED === generate(), "renderer/notebook/tf-types.generated.json is out of date: run `node scripts/gen-notebook-tf-types.mjs`").toBe(true);
    expect(Object.keys(LIBS)).toContain("node_modules/@tensorflow/tfjs-core/dist/ops/tensor.d.ts");
    expect(Object.keys(LIBS)).toContain("node_modules/@tensorflow/tfjs-layers/dist/exports_layers.d.ts");
  });

  it("declare exactly the names the kernel puts in scope, with the kernel's ll and plot members", () => {
    const kernelNames = IN_SCOPE.replace(" and ", ", ").split(", ");
    expect([...SCOPE_NAMES].sort()).toEqual([...kernelNames].sort());
    // console comes from the standard library; the rest are declared here.
    expect(declaredNames(SCOPE_LIB).sort()).toEqual(SCOPE_NAMES.filter((n) => n !== "console").sort());
    const { ll } = makeHelpers({ graph: () => { throw new Error("unused"); }, loadDataset: () => Promise.reject(new Error("unused")), interrupted: () => false });
    expect(membersOf(SCOPE_LIB, "Helpers")).toEqual(Object.keys(ll).sort());
    expect(membersOf(SCOPE_LIB, "Plots")).toEqual(Object.keys(plot).sort());
  });

  it("type-check every template notebook's cells without false errors, and still report real ones", () => {
    const dirs = readdirSync(new URL("templates/", ROOT));
    const notebooks = dirs.flatMap((d) => {
      try { return [{ id: d, text: readFileSync(new URL(`templates/${d}/notebook.ipynb`, ROOT), "utf8") }]; } catch { return []; }
    });
    expect(notebooks.length).toBeGreaterThan(5);
    for (const nb of notebooks) {
      const parsed = parseNotebook(nb.text);
      if (!parsed.ok) throw new Error(`${nb.id}: notebook does not parse`);
      const cells = parsed.notebook.cells.filter((c) => c.cell_type === "code").map((c) => c.source);
      expect(check(cells).errors, nb.id).toEqual([]);
    }
    const broken = check(["const ok = 1;\nconst = 4;"]).errors;
    expect(broken.length).toBeGreaterThan(0);
    expect(broken).toEqual(broken.map(() => expect.stringMatching(/^cell 1: TS1134 Variable declaration expected/)));
    const typed = check(["const t = tf.tensor([1, 2, 3]);\nconst m = await ll.build();", "t.print();\ntf."], { cell: 1, text: "tf." });
    expect(typed.errors).toEqual([expect.stringMatching(/^cell 2: TS1003 Identifier expected/)]);
    expect(typed.completions).toEqual(expect.arrayContaining(["tensor", "layers", "sequential", "tidy", "data", "train"]));
    expect(check(["const t = tf.tensor([1, 2, 3]);", "t.print();"], { cell: 1, text: "t." }).hoverText).toBe("const t: Tensor<Rank>");
    expect(check(["const t = tf.tensor([1, 2, 3]);"], { cell: 0, text: "tensor(" }).hoverText).toMatch(/^\(alias\) tensor<Rank>\(values: TensorLike \| WebGLData \| WebGPUData, shape\?: .*\): Tensor<Rank>/);
    expect(check(["const m = await ll.build();"], { cell: 0, text: "m " }).hoverText).toMatch(/const m: tf\.LayersModel|const m: LayersModel/);
  });
});
