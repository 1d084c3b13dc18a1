/**
 * Undo and redo over random edit sequences. Edits are generated against the document as it is
 * at that point (choices are numbers that pick existing nodes, edges, blocks...), so most apply;
 * some are refused on purpose (duplicate ids, edges already there) and must leave no trace.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyEdit, newBlockName, newNodeId } from "../../../graph-ir/core/apply.js";
import { BLOCK_IN, BLOCK_OUT, emptyDocument, type GraphDocument, type ParamValue } from "../../../graph-ir/core/document.js";
import type { Edit } from "../../../graph-ir/core/edits.js";
import { parseGraphFile, serializeGraph } from "../../../graph-ir/core/load.js";
import { blockDef, deepFreeze, edge, mlp, node, richDocument } from "../../support/docs.js";

interface Choice {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly value: ParamValue | undefined;
  readonly sub: readonly Choice[];
}

const valueArb: fc.Arbitrary<ParamValue | undefined> = fc.oneof(
  fc.integer({ min: -5, max: 512 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.boolean(),
  fc.constantFrom("relu", "same", "valid", "NaN"),
  fc.array(fc.option(fc.integer({ min: 1, max: 64 }), { nil: null }), { maxLength: 4 }),
  fc.constant(undefined),
);

const leaf = fc.record({ op: fc.nat(12), a: fc.nat(), b: fc.nat(), c: fc.nat(), value: valueArb, sub: fc.constant([] as Choice[]) });
const choiceArb: fc.Arbitrary<Choice> = fc.oneof({ weight: 9, arbitrary: leaf }, { weight: 1, arbitrary: fc.record({ op: fc.constant(99), a: fc.nat(), b: fc.nat(), c: fc.nat(), value: valueArb, sub: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) });

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
const KINDS = ["Dense", "Conv2D", "Dropout", "Input", "Add", "NotAKind"];
const PORTS = ["x", "y", "in0", "in1"];
const PARAMS = ["units", "filters", "activation", "shape", "rate"];

/** Turns numbers into an edit that makes sense for `doc` (mostly). */
function makeEdit(doc: GraphDocument, ch: Choice): Edit {
  const ids = doc.nodes.map((n) => n.id);
  const someId = pick(ids, ch.a) ?? "ghost";
  const blockNames = Object.keys(doc.blocks);
  switch (ch.op) {
    case 0: {
      const kind = pick([...KINDS, ...blockNames], ch.b)!;
      const id = ch.c % 6 === 0 ? someId : newNodeId(doc, kind);
      const params = ch.value === undefined ? {} : { [pick(PARAMS, ch.c)!]: ch.value };
      return { op: "addNode", node: node(id, kind, params, ch.c % 3 === 0 ? `Label ${ch.c}` : undefined), ...(ch.b % 2 ? { position: [ch.b % 500, ch.c % 500] } : {}) };
    }
    case 1:
      return { op: "removeNode", id: ch.b % 10 === 0 ? "ghost" : someId };
    case 2:
      return { op: "connect", edge: { from: [someId, pick(PORTS, ch.c)!], to: [pick(ids, ch.b) ?? "ghost", pick(PORTS, ch.c + 1)!] } };
    case 3: {
      const e = pick(doc.edges, ch.a);
      return { op: "disconnect", edge: e && ch.b % 8 ? e : edge(someId, "ghost") };
    }
    case 4:
      return { op: "setParam", id: someId, param: pick(PARAMS, ch.b)!, value: ch.value };
    case 5:
      return { op: "move", id: someId, position: ch.b % 4 ? [ch.b % 1000, ch.c % 1000] : undefined };
    case 6:
      return { op: "rename", id: someId, label: ch.b % 3 ? `Node ${ch.c}` : undefined };
    case 7: {
      // Mostly nodes that no network or loss names, since grouping those is refused.
      const named = new Set([...doc.networks.flatMap((n) => [...n.inputs, ...n.outputs]), ...(doc.training?.losses.map((l) => l.output) ?? [])]);
      const free = ch.c % 5 ? ids.filter((id) => !named.has(id)) : ids;
      const size = 1 + (ch.b % 4);
      const chosen = [...new Set(Array.from({ length: size }, (_, i) => pick(free, ch.a + i * (1 + (ch.c % 7)))!).filter(Boolean))];
      return { op: "group", ids: chosen, block: newBlockName(doc, "G"), instanceId: newNodeId(doc, "group") };
    }
    case 8: {
      const instances = doc.nodes.filter((n) => Object.prototype.hasOwnProperty.call(doc.blocks, n.kind));
      return { op: "ungroup", id: (pick(instances, ch.a) ?? { id: someId }).id };
    }
    case 9: {
      const existing = pick(blockNames, ch.a);
      if (existing && ch.b % 3 === 0) return { op: "putBlock", name: existing, block: undefined };
      const def = blockDef({
        inputs: ["x"],
        outputs: ch.c % 2 ? ["y"] : ["y", "z"],
        params: ch.c % 3 === 0 ? { units: { default: 8, bind: [["d", "units"]] } } : {},
        nodes: [node("d", "Dense", { units: 1 + (ch.c % 9) })],
        edges: [edge([BLOCK_IN, "x"], "d"), edge("d", [BLOCK_OUT, "y"])],
      });
      return { op: "putBlock", name: existing && ch.b % 3 === 1 ? existing : newBlockName(doc, "B"), block: def };
    }
    case 10: {
      const existing = pick(doc.networks, ch.a);
      if (existing && ch.b % 3 === 0) return { op: "putNetwork", id: existing.id, network: undefined };
      const id = existing && ch.b % 3 === 1 ? existing.id : `net${ch.c % 5}`;
      return { op: "putNetwork", id, network: { id, inputs: ids.filter((_, i) => (i + ch.c) % 5 === 0), outputs: [someId] } };
    }
    case 11:
      // Remove a node that networks and losses name, to exercise the cascade.
      return { op: "removeNode", id: pick(doc.training?.losses.map((l) => l.output) ?? [], ch.a) ?? someId };
    case 12:
      return { op: "setParam", id: someId, param: pick(PARAMS, ch.b)!, value: undefined };
    default:
      return { op: "batch", label: `Batch ${ch.a}`, edits: ch.sub.map((s) => makeEdit(doc, s)) };
  }
}

const startArb = fc.constantFrom<() => GraphDocument>(richDocument, mlp, () => emptyDocument("Empty"));

describe("edits and their inverses", () => {
  it("undoing every edit in reverse gives back the original; redoing gives the same result; every result saves and reopens", () => {
    let applied = 0;
    let refused = 0;
    fc.assert(
      fc.property(startArb, fc.array(choiceArb, { minLength: 1, maxLength: 30 }), (start, choices) => {
        const original = deepFreeze(start());
        let doc = original;
        const forward: Edit[] = [];
        const inverses: Edit[] = [];
        for (const ch of choices) {
          const edit = makeEdit(doc, ch);
          const r = applyEdit(doc, edit);
          if (!r.ok) {
            expect(typeof r.error).toBe("string");
            expect(r.error.length).toBeGreaterThan(0);
            refused++;
            continue;
          }
          applied++;
          forward.push(edit);
          inverses.push(r.inverse);
          doc = deepFreeze(r.doc);
        }
        const final = doc;

        // Undo, collecting the redo edits that undo hands back.
        const redoes: Edit[] = [];
        for (const inv of [...inverses].reverse()) {
          const r = applyEdit(doc, inv);
          if (!r.ok) throw new Error(`undo refused: ${r.error}`);
          redoes.push(r.inverse);
          doc = deepFreeze(r.doc);
        }
        expect(doc).toStrictEqual(original);
        expect(serializeGraph(doc)).toBe(serializeGraph(original));

        // Redo by re-applying the original edits, and by applying what undo handed back.
        for (const replay of [forward, redoes.reverse()]) {
          let again = original;
          for (const e of replay) {
            const r = applyEdit(again, e);
            if (!r.ok) throw new Error(`redo refused: ${r.error}`);
            again = deepFreeze(r.doc);
          }
          expect(again).toStrictEqual(final);
        }

        // Whatever edits make can be saved and opened again, unchanged and without repairs.
        const text = serializeGraph(final);
        const reopened = parseGraphFile(text);
        if (!reopened.ok) throw new Error(`${reopened.error.code}: ${reopened.error.message}`);
        expect(reopened.warnings).toEqual([]);
        expect(reopened.doc).toStrictEqual(final);
        expect(serializeGraph(reopened.doc)).toBe(text);
      }),
      { numRuns: 300, seed: 20240611 },
    );
    // The generator must mostly produce valid edits, but also some refusals.
    expect(applied).toBeGreaterThan(refused);
    expect(refused).toBeGreaterThan(0);
  });
});
