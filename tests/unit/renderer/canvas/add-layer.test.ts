import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyEdit } from "../../../../graph-ir/core/apply.js";
import { emptyDocument } from "../../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { LAYERS } from "../../../../graph-ir/layers/registry.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { canConnect } from "../../../../graph-ir/passes/connect.js";
import { addLayerToCanvas, cardPositionAt, firstInput, freeSpot, planAddConnected, planAddLayer, provideCanvas, readPayload } from "../../../../renderer/canvas/add-layer.js";
import { acceptingItems } from "../../../../renderer/canvas/drop-menu.js";
import { planDeleteSelection } from "../../../../renderer/canvas/delete-selection.js";
import { edgeId } from "../../../../renderer/canvas/to-flow.js";
import { paletteItems } from "../../../../renderer/palette/palette-items.js";
import { createAppStore } from "../../../../renderer/store/app-store.js";

const lenet = (() => {
  const r = parseGraphFile(readFileSync("tests/fixtures/lenet5.layerloom.json", "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
})();
const ITEMS = paletteItems(LAYERS);

describe("adding a layer", () => {
  it("gives it a fresh id, its preset params and the drop point, labelled for undo", () => {
    const plan = planAddLayer(lenet, { kind: "Conv2D", params: { filters: 16, kernelSize: [1, 1] } }, [40, 50]);
    expect(plan).toEqual({
      id: "conv2d_1",
      label: "Add Conv 2D",
      edit: { op: "addNode", node: { id: "conv2d_1", kind: "Conv2D", params: { filters: 16, kernelSize: [1, 1] } }, position: [40, 50] },
    });
  });

  it("centres the card's title under the pointer", () => {
    expect(cardPositionAt({ x: 300, y: 100 })).toEqual([200, 83]);
  });

  it("moves a card added mid-view down until it covers no other card", () => {
    const size = { width: 200, height: 52 };
    expect(freeSpot([0, 0], size, [])).toEqual([0, 0]);
    expect(freeSpot([0, 0], size, [{ x: 100, y: -10, width: 200, height: 60 }])).toEqual([0, 72]);
    expect(freeSpot([0, 0], size, [{ x: 400, y: 0, width: 200, height: 60 }])).toEqual([0, 0]);
  });

  it("reads only palette payloads naming a known layer", () => {
    expect(readPayload(JSON.stringify({ kind: "Dense", params: { units: 4 } }))).toEqual({ kind: "Dense", params: { units: 4 } });
    expect(readPayload(JSON.stringify({ kind: "Dense" }))).toEqual({ kind: "Dense", params: {} });
    expect(readPayload(JSON.stringify({ kind: "rm -rf" }))).toBeUndefined();
    expect(readPayload(JSON.stringify({ kind: "Dense", params: [1] }))).toBeUndefined();
    expect(readPayload("not json")).toBeUndefined();
  });

  it("adds and wires a layer after a port as one undo step", () => {
    const app = createAppStore(lenet);
    const plan = planAddConnected(lenet, { kind: "MaxPooling2D", params: {} }, [0, 300], ["c1", "y"])!;
    expect(plan.label).toBe("Add Max pooling 2D after c1");
    expect(app.getState().edit(plan.edit, plan.label).ok).toBe(true);
    const doc = app.getState().document.doc;
    expect(doc.edges).toContainEqual({ from: ["c1", "y"], to: [plan.id, "x"] });
    expect(analyze(doc).nodes.get(plan.id)!.outputs.y).toEqual(["B", 14, 14, 6]);
    expect(app.getState().history.past).toHaveLength(1);
    app.getState().undo();
    expect(app.getState().document.doc).toEqual(lenet);
  });

  it("feeds a merge layer through its first named input", () => {
    expect(firstInput({ kind: "Add", params: { inputs: 3 } })).toBe("in0");
    expect(firstInput({ kind: "Input", params: {} })).toBeUndefined();
    expect(planAddConnected(lenet, { kind: "Input", params: {} }, [0, 0], ["c1", "y"])).toBeUndefined();
  });

  it("puts a layer added from the keyboard where the canvas says, and selects it", () => {
    const app = createAppStore(emptyDocument());
    const off = provideCanvas(app, { newLayerPosition: () => [400, 183], focus: () => undefined });
    const r = addLayerToCanvas(app, { kind: "Dense", params: {} });
    expect(r).toEqual({ ok: true, id: "dense_1" });
    expect(app.getState().document.doc.layout.dense_1).toEqual([400, 183]);
    expect(app.getState().ui.selection).toEqual(["dense_1"]);
    off();
  });
});

describe("the menu for a wire dropped on empty canvas", () => {
  const kinds = (shape: Parameters<typeof acceptingItems>[2]) => new Set(acceptingItems(ITEMS, LAYERS, shape).map((i) => i.kind));

  it("offers image layers for an image and refuses what cannot take it", () => {
    const image = kinds(["B", 28, 28, 6]);
    for (const k of ["Conv2D", "MaxPooling2D", "Flatten", "BatchNormalization", "GlobalAveragePooling2D", "ReLU"]) expect(image.has(k), k).toBe(true);
    for (const k of ["Dense", "Conv1D", "LSTM", "Input"]) expect(image.has(k), k).toBe(false);
  });

  it("offers vector layers for a vector", () => {
    const vector = kinds(["B", 120]);
    expect(vector.has("Dense")).toBe(true);
    expect(vector.has("Conv2D")).toBe(false);
  });

  it("lists only layers that canConnect then accepts the wire into (LeNet's C1 output)", () => {
    const shape = analyze(lenet).nodes.get("c1")!.outputs.y!;
    const offered = acceptingItems(ITEMS, LAYERS, shape);
    expect(offered.length).toBeGreaterThan(10);
    for (const item of offered) {
      const add = planAddLayer(lenet, { kind: item.kind, params: item.params }, [0, 0]);
      const r = applyEdit(lenet, add.edit);
      if (!r.ok) throw new Error(r.error);
      const verdict = canConnect(r.doc, analyze(r.doc), ["c1", "y"], [add.id, firstInput(item)!]);
      expect(verdict, item.id).toEqual({ ok: true });
    }
  });

  it("and leaves out exactly the layers canConnect refuses", () => {
    const shape = analyze(lenet).nodes.get("c1")!.outputs.y!;
    const offered = new Set(acceptingItems(ITEMS, LAYERS, shape).map((i) => i.id));
    for (const item of ITEMS.filter((i) => !offered.has(i.id) && firstInput(i) !== undefined)) {
      const add = planAddLayer(lenet, { kind: item.kind, params: item.params }, [0, 0]);
      const r = applyEdit(lenet, add.edit);
      if (!r.ok) throw new Error(r.error);
      expect(canConnect(r.doc, analyze(r.doc), ["c1", "y"], [add.id, firstInput(item)!]).ok, item.id).toBe(false);
    }
  });
});

describe("Del on the canvas", () => {
  const wire = edgeId({ from: ["c1", "y"], to: ["s2", "x"] });

  it("disconnects a selected wire, labelled by its ends", () => {
    const plan = planDeleteSelection(lenet, [], [wire])!;
    expect(plan).toEqual({ label: "Disconnect c1 → s2", edit: { op: "disconnect", edge: { from: ["c1", "y"], to: ["s2", "x"] } } });
  });

  it("deletes wires and layers in one step, skipping wires the layers take with them", () => {
    const other = edgeId({ from: ["f6", "y"], to: ["output", "x"] });
    const plan = planDeleteSelection(lenet, ["s2"], [wire, other])!;
    expect(plan.label).toBe("Delete S2 and 1 wire");
    expect(plan.edit).toEqual({
      op: "batch", label: "Delete S2 and 1 wire",
      edits: [{ op: "disconnect", edge: { from: ["f6", "y"], to: ["output", "x"] } }, { op: "batch", label: "Delete S2", edits: [{ op: "removeNode", id: "s2" }] }],
    });
  });

  it("does nothing for wires that are already gone", () => {
    expect(planDeleteSelection(lenet, [], ["a:y->b:x"])).toBeUndefined();
  });
});
