/**
 * Random editing sessions through the store, the way the app edits: layers added, wired,
 * param-edited (scrubs coalesced into one step), moved, deleted, grouped, ungrouped, copied and
 * pasted, duplicated, through the same commands the keyboard runs. Then undo all must give the
 * document back exactly, and redo all the final one; a refused edit must leave no trace.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newNodeId } from "../../../graph-ir/core/apply.js";
import { emptyDocument, type GraphDocument, type ParamValue } from "../../../graph-ir/core/document.js";
import type { Edit } from "../../../graph-ir/core/edits.js";
import { editCommands } from "../../../renderer/commands/edit-commands.js";
import { createCommandRegistry } from "../../../renderer/commands/registry.js";
import { mlp, richDocument } from "../../support/docs.js";
import { testContext } from "./command-context.js";

interface Step {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly value: ParamValue;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  op: fc.nat(11),
  a: fc.nat(),
  b: fc.nat(),
  value: fc.oneof(fc.integer({ min: -2, max: 256 }), fc.constantFrom("relu", "same", "tanh"), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 2 })),
});

const pick = <T,>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
const KINDS = ["Dense", "Conv2D", "Flatten", "Input", "Add", "Dropout"];
const PARAMS = ["units", "filters", "kernelSize", "activation", "padding", "rate"];
const PORTS = ["x", "y", "in0", "in1"];

const starts: readonly (() => GraphDocument)[] = [() => emptyDocument("Empty"), mlp, richDocument];

describe("editing history through the store", () => {
  it("undo all gives the original document, redo all the final one (random sessions)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(starts.length - 1), fc.array(stepArb, { minLength: 4, maxLength: 30 }), async (start, steps) => {
        const original = starts[start]!();
        const ctx = testContext(original);
        const registry = createCommandRegistry();
        registry.register(editCommands());
        const state = () => ctx.app.getState();
        const doc = () => state().document.doc;

        /** Applies one edit; a refusal must change neither the document nor the history. */
        const edit = (e: Edit, label: string, coalesce?: string) => {
          const before = { doc: doc(), history: state().history };
          if (!state().edit(e, label, coalesce).ok) {
            expect(doc()).toBe(before.doc);
            expect(state().history).toBe(before.history);
          }
        };

        for (const s of steps) {
          const ids = doc().nodes.map((n) => n.id);
          const some = pick(ids, s.a) ?? "ghost";
          // A run of up to 3 neighbours; mostly leaving out nodes a network names (grouping those is refused).
          const named = new Set(doc().networks.flatMap((n) => [...n.inputs, ...n.outputs]));
          const free = s.b % 4 ? ids.filter((id) => !named.has(id)) : ids;
          const from = free.length ? s.a % free.length : 0;
          const selection = free.slice(from, from + 1 + (s.b % 3));
          switch (s.op) {
            case 0: {
              const kind = pick(KINDS, s.b)!;
              edit({ op: "addNode", node: { id: newNodeId(doc(), kind), kind, params: {} }, position: [s.a % 900, s.b % 900] }, `Add ${kind}`);
              break;
            }
            case 1:
              edit({ op: "connect", edge: { from: [some, pick(PORTS, s.b)!], to: [pick(ids, s.b) ?? "ghost", pick(PORTS, s.a)!] } }, "Connect");
              break;
            case 2:
              edit({ op: "setParam", id: some, param: pick(PARAMS, s.b)!, value: s.value }, "Set param");
              break;
            case 3: {
              // A scrub: several values under one coalesce key, then sealed, as the inspector does.
              const param = pick(PARAMS, s.b)!;
              for (let k = 0; k < 1 + (s.b % 4); k++) edit({ op: "setParam", id: some, param, value: typeof s.value === "number" ? s.value + k : s.value }, `Set ${param}`, `param:${some}:${param}`);
              state().sealHistory();
              break;
            }
            case 4:
              edit({ op: "move", id: some, position: [s.b % 700, s.a % 700] }, "Move", `move:${some}`);
              if (s.b % 2) state().sealHistory();
              break;
            case 5:
              state().select(selection);
              await registry.run("edit.delete", ctx);
              break;
            case 6:
              state().select(selection);
              await registry.run("edit.group", ctx);
              break;
            case 7:
              state().select(ids);
              await registry.run("edit.ungroup", ctx);
              break;
            case 8:
              state().select(selection);
              await registry.run("edit.copy", ctx);
              break;
            case 9:
              await registry.run("edit.paste", ctx);
              break;
            case 10:
              state().select(selection);
              await registry.run("edit.duplicate", ctx);
              break;
            default:
              state().select([some]);
              await registry.run("edit.cut", ctx);
          }
        }

        const final = doc();
        const steps_ = state().history.past.length;
        for (let k = 0; k < steps_; k++) expect(state().undo().ok).toBe(true);
        expect(state().undo().ok).toBe(false);
        expect(doc()).toEqual(original);
        for (let k = 0; k < steps_; k++) expect(state().redo().ok).toBe(true);
        expect(state().redo().ok).toBe(false);
        expect(doc()).toEqual(final);
      }),
      { numRuns: 250, seed: 20251129 },
    );
  });
});
