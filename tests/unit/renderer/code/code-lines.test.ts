import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { exportTypeScript, type CodeSpan } from "../../../../graph-ir/export/typescript.js";
import { describeRanges, highlightRanges, scrollToShow } from "../../../../renderer/code/code-lines.js";

const span = (nodeId: string, startLine: number, endLine: number): CodeSpan => ({ nodeId, network: "n", startLine, endLine });

/** Every line number a list of ranges covers. */
const linesIn = (ranges: readonly { startLine: number; endLine: number }[]) => {
  const out = new Set<number>();
  for (const r of ranges) for (let l = r.startLine; l <= r.endLine; l++) out.add(l);
  return out;
};

describe("highlightRanges", () => {
  it("lights the lines that build the selected layer in the LeNet-5 export", () => {
    const loaded = parseGraphFile(readFileSync("tests/fixtures/lenet5.layerloom.json", "utf8"));
    if (!loaded.ok) throw new Error("the LeNet-5 fixture does not load");
    const exported = exportTypeScript(loaded.doc);
    if (!exported.ok) throw new Error("the LeNet-5 fixture does not export");
    const lines = exported.text.split("\n");
    const ranges = highlightRanges(exported.spans, ["c3"]);
    expect(ranges).toHaveLength(1);
    const lit = lines.slice(ranges[0]!.startLine - 1, ranges[0]!.endLine).join("\n");
    expect(lit).toContain("const c3 = tf.layers.conv2d(");
    expect(lit).toContain('name: "c3"');
    expect(lit).not.toContain('name: "s2"');
    expect(lit).not.toContain('name: "s4"');
  });

  it("sorts, merges touching spans and leaves gaps between apart ones", () => {
    const spans = [span("a", 10, 12), span("b", 13, 15), span("c", 20, 21), span("a", 30, 30)];
    expect(highlightRanges(spans, ["c", "a", "b"])).toEqual([
      { startLine: 10, endLine: 15 },
      { startLine: 20, endLine: 21 },
      { startLine: 30, endLine: 30 },
    ]);
    expect(highlightRanges(spans, ["c", "c"])).toEqual([{ startLine: 20, endLine: 21 }]);
    expect(highlightRanges(spans, ["ghost"])).toEqual([]);
    expect(highlightRanges(spans, [])).toEqual([]);
  });

  it("covers exactly the selected nodes' lines, in sorted runs that never touch", () => {
    const arbSpan = fc.record({ node: fc.constantFrom("a", "b", "c", "d"), start: fc.integer({ min: 1, max: 60 }), len: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 12 }), fc.subarray(["a", "b", "c", "d", "x"]), (raw, selection) => {
        const spans = raw.map((s) => span(s.node, s.start, s.start + s.len));
        const ranges = highlightRanges(spans, selection);
        expect(linesIn(ranges)).toEqual(linesIn(spans.filter((s) => selection.includes(s.nodeId))));
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.startLine).toBeGreaterThan(ranges[i - 1]!.endLine + 1);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});

describe("describeRanges", () => {
  it("words the lit lines for a screen reader", () => {
    expect(describeRanges([])).toBe("");
    expect(describeRanges([{ startLine: 7, endLine: 7 }])).toBe("Line 7");
    expect(describeRanges([{ startLine: 34, endLine: 37 }])).toBe("Lines 34–37");
    expect(describeRanges([{ startLine: 1, endLine: 2 }, { startLine: 5, endLine: 5 }, { startLine: 9, endLine: 12 }])).toBe("Lines 1–2, 5 and 9–12");
  });
});

describe("scrollToShow", () => {
  it("leaves the view alone when the lines are already in it", () => {
    expect(scrollToShow(100, 200, 100, 300)).toBeNull();
    expect(scrollToShow(100, 200, 150, 200)).toBeNull();
  });

  it("centres lines that fit and are out of view, partly or wholly", () => {
    expect(scrollToShow(0, 124, 558, 630)).toBe(532); // 72px of lines in a 124px view: 26px above and below
    expect(scrollToShow(500, 124, 558, 630)).toBe(532); // the last line was cut off at the bottom
    expect(scrollToShow(600, 124, 558, 630)).toBe(532); // cut off at the top
    expect(scrollToShow(300, 200, 0, 40)).toBe(0); // never above the start of the file
  });

  it("puts the start at the top when the lines are taller than the view", () => {
    expect(scrollToShow(0, 100, 500, 900)).toBe(500);
  });
});
