/**
 * The custom layer classes inlined into exported TypeScript are the code the app runs: the
 * generated source module matches runtime/layers/ byte for byte, every class the compiler can
 * emit has its source, and the inlined text keeps every line of it in order (the round-trip
 * test then runs that text and compares outputs with the app's model).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_SOURCE, LAYER_SOURCES } from "../../../graph-ir/export/custom-layer-sources.generated.js";
import { customLayerCode, hasMultilineTemplate, isCustomLayerClass } from "../../../graph-ir/export/custom-layers.js";
import { hasTfjsFactory } from "../../../graph-ir/export/tfjs-calls.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import type { AnyLayerDef } from "../../../graph-ir/layers/types.js";
import * as runtimeLayers from "../../../runtime/layers/index.js";

const ROOT = new URL("../../../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), "utf8");
const STALE = "graph-ir/export/custom-layer-sources.generated.ts is out of date: run `node scripts/gen-custom-layer-sources.mjs`";

describe("inlined custom layer sources", () => {
  it("hold exactly the text of runtime/layers (regenerate after changing a layer)", () => {
    expect(CONFIG_SOURCE.text, STALE).toBe(read(CONFIG_SOURCE.file));
    for (const [className, src] of Object.entries(LAYER_SOURCES)) expect(src.text, `${className}: ${STALE}`).toBe(read(src.file));
  });

  it("cover every class runtime/layers registers, and nothing else", () => {
    expect(Object.keys(LAYER_SOURCES).sort(), STALE).toEqual(Object.keys(runtimeLayers).sort());
  });

  it("cover every class a layer of the registry compiles to that tfjs lacks", () => {
    for (const def of Object.values(LAYERS) as AnyLayerDef[]) {
      const { values } = resolveParams(def.params, {});
      const { className } = def.toKeras(values, []);
      if (className === "InputLayer") continue;
      expect(hasTfjsFactory(className) || isCustomLayerClass(className), `${def.kind} compiles to ${className}`).toBe(true);
    }
  });

  it("keep every line of each class, in order, with only imports and `export` removed", () => {
    const code = customLayerCode(Object.keys(LAYER_SOURCES));
    const lines = code.split("\n").map((l) => l.trim());
    for (const src of Object.values(LAYER_SOURCES)) {
      let at = 0;
      const body = src.text.replace(/^import\s[\s\S]*?from\s+"[^"]+";\s*$/gm, "");
      for (const raw of body.split("\n")) {
        const line = raw.trim().replace(/^export\s+/, "");
        if (line === "") continue;
        const found = lines.indexOf(line, at);
        expect(found, `${src.file}: "${line}" is missing from the inlined code`).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
    }
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
  });

  it("keep only the shared helpers the chosen layers use", () => {
    const lrn = customLayerCode(["LocalResponseNormalization"]);
    expect(lrn).toContain("function numberParam(");
    expect(lrn).not.toContain("function enumParam<");
    expect(lrn).not.toContain("class NTMMemory");
    const all = customLayerCode(Object.keys(LAYER_SOURCES));
    expect(all).toContain("function enumParam<");
    expect(customLayerCode([])).toBe("");
  });

  it("re-indent only code whose text re-indenting cannot change", () => {
    expect(hasMultilineTemplate("const a = `x ${b} y`;\nconst c = 1;")).toBe(false);
    expect(hasMultilineTemplate("const a = `x\ny`;")).toBe(true);
    expect(hasMultilineTemplate("const a = `${`\n`}`;")).toBe(true);
    expect(hasMultilineTemplate("// `\nconst a = '`';\nconst b = \"`\";")).toBe(false);
  });
});
