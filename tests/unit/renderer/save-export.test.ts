/**
 * Saving an exported file: the desktop app asks the shell (its Save dialog), never a browser
 * download, and every outcome is worded for the person.
 */
import { afterEach, describe, expect, it } from "vitest";
import { exportFileName, saveExport } from "../../../renderer/code/save-export.js";

type Result = { ok: true; value: string | null } | { ok: false; error: { code: "unavailable"; message: string } };

function desktop(answer: Result) {
  const calls: [string, string][] = [];
  const bridge = { saveExport: async (name: string, text: string) => (calls.push([name, text]), answer) };
  (globalThis as { window?: unknown }).window = { layerloom: bridge };
  return calls;
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("saving an export", () => {
  it("asks the desktop shell where, and says where it went", async () => {
    const calls = desktop({ ok: true, value: "/home/ada/lenet.ts" });
    expect(await saveExport("lenet.ts", "export {};", "text/typescript")).toBe("Saved as /home/ada/lenet.ts.");
    expect(calls).toEqual([["lenet.ts", "export {};"]]);
  });

  it("says so when the person cancels or the save fails", async () => {
    desktop({ ok: true, value: null });
    expect(await saveExport("run.csv", "step", "text/csv")).toBe("run.csv was not saved.");
    desktop({ ok: false, error: { code: "unavailable", message: "The disk is full." } });
    expect(await saveExport("run.csv", "step", "text/csv")).toBe("run.csv could not be saved: The disk is full.");
  });

  it("turns any graph name into a file name every system takes", () => {
    expect(exportFileName("a/b: c*?.csv")).toBe("a-b- c-.csv");
    expect(exportFileName("ResNeXt-50 (32×4d).ts")).toBe("ResNeXt-50 (32×4d).ts");
    expect(exportFileName("/.ts")).toBe("-.ts");
  });
});
