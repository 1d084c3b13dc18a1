/** The native questions: buttons where each OS puts them, and answers that match the buttons. */
import { describe, expect, it } from "vitest";
import { recoveryPrompt, replacePrompt, saveChangesPrompt } from "../../../electron/main/prompts.js";

describe("prompts", () => {
  it("asks to save with Save first; Don't Save apart on macOS, Cancel last elsewhere; Escape cancels", () => {
    const mac = saveChangesPrompt("lenet.json", true);
    expect(mac.options.buttons).toEqual(["Save", "Cancel", "Don't Save"]);
    expect(mac.options.buttons.map((_, i) => mac.answer(i))).toEqual(["save", "cancel", "discard"]);
    expect(mac.answer(mac.options.cancelId)).toBe("cancel");
    const pc = saveChangesPrompt("lenet.json", false);
    expect(pc.options.buttons).toEqual(["Save", "Don't Save", "Cancel"]);
    expect(pc.answer(pc.options.cancelId)).toBe("cancel");
    expect(pc.answer(7)).toBe("cancel");
    expect(pc.options.message).toBe('Save the changes to "lenet.json" before closing?');
  });

  it("offers recovery naming each graph and its folder; Escape keeps the backups for later", () => {
    const p = recoveryPrompt([
      { root: "/home/ada/nets", state: "/s/1", backups: [{ key: "lenet.json", savedAt: 2 }, { key: "untitled-3", savedAt: 1 }] },
      { root: "/home/ada/gan", state: "/s/2", backups: [{ key: "models/g.json", savedAt: 3 }] },
    ]);
    expect(p.options.message).toBe("Layerloom closed without saving changes to 3 graphs. Restore them?");
    expect(p.options.detail).toContain("lenet.json in /home/ada/nets\nAn untitled graph (in /home/ada/nets)\ng.json in /home/ada/gan");
    expect(p.options.buttons.map((_, i) => p.answer(i))).toEqual(["restore", "later", "discard"]);
    expect(p.answer(p.options.cancelId)).toBe("later");
    expect(recoveryPrompt([{ root: "/r", state: "/s", backups: [{ key: "a.json", savedAt: 1 }] }]).options.message).toMatch(/changes to a graph\. Restore it\?/);
  });

  it("asks before replacing, defaulting to Cancel", () => {
    const p = replacePrompt("/home/ada/lenet.json");
    expect(p.options.message).toBe('"lenet.json" already exists. Replace it?');
    expect(p.answer(p.options.defaultId)).toBe(false);
    expect(p.answer(0)).toBe(true);
  });
});
