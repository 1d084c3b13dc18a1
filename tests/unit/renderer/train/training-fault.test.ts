import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { createAppStore } from "../../../../renderer/store/app-store.js";

describe("a training fault on the canvas", () => {
  it("keeps the node in ui.trainingFault until cleared, never as history", async () => {
    const loaded = parseGraphFile(await readFile("tests/fixtures/lenet5.layerloom.json", "utf8"));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const app = createAppStore(loaded.doc);
    const s = app.getState();
    s.setTrainingFault({ nodeId: "c3", message: "c3 produced NaN" });
    expect(app.getState().ui.trainingFault).toEqual({ nodeId: "c3", message: "c3 produced NaN" });
    expect(app.getState().history).toBe(s.history);
    app.getState().setTrainingFault(undefined);
    expect(app.getState().ui.trainingFault).toBeUndefined();
  });
});
