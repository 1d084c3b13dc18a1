/**
 * Saving: what is written (graph-ir's serializeGraph), the version check and the question a
 * conflict asks (overwrite, reload from disk, cancel), Save As for new graphs and templates, and
 * the unsaved-changes question before New, Open and templates replace the document.
 */
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { mlp } from "../../../support/docs.js";
import { always, LENET, rename, rig, text } from "./support.js";

const lenet = () => {
  const r = parseGraphFile(LENET);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe("save", () => {
  it("writes serializeGraph of the document over the version it opened, and marks it saved", async () => {
    const r = rig({ seed: { files: { "nets/lenet.json": LENET } } });
    expect(await r.files.open("nets/lenet.json")).toBe(true);
    rename(r.app, "c3", "Conv 3");
    expect(r.app.getState().document.dirty).toBe(true);
    expect(await r.files.save()).toBe(true);
    const { document } = r.app.getState();
    expect(r.platform.snapshot()["nets/lenet.json"]).toBe(text(document.doc));
    expect(document).toMatchObject({ path: "nets/lenet.json", dirty: false });
    expect(document.version).toBe((await r.platform.readFile("nets/lenet.json")).version);
    expect(await r.platform.recentFiles()).toEqual(["nets/lenet.json"]);
    // A second edit and save go over the version the first save returned: no conflict.
    rename(r.app, "c3", "C3 again");
    expect(await r.files.save()).toBe(true);
    expect(r.asked).toEqual([]);
    expect(parseGraphFile(r.platform.snapshot()["nets/lenet.json"]!)).toMatchObject({ ok: true, doc: { nodes: expect.arrayContaining([expect.objectContaining({ id: "c3", label: "C3 again" })]) } });
  });

  it("runs saves one after another, so two quick saves never conflict with each other", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "A");
    const first = r.files.save();
    rename(r.app, "c1", "B");
    const second = r.files.save();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(r.asked).toEqual([]);
    expect(r.platform.snapshot()["g.json"]).toBe(text(r.app.getState().document.doc));
    expect(r.app.getState().document.dirty).toBe(false);
  });

  it("keeps edits made while the file was being written as unsaved", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "saved");
    const write = r.platform.writeFile;
    let release!: () => void;
    r.platform.writeFile = async (...args) => {
      await new Promise<void>((resolve) => (release = resolve));
      return write(...args);
    };
    const saving = r.files.save();
    await Promise.resolve();
    rename(r.app, "c1", "typed during the save");
    release();
    expect(await saving).toBe(true);
    expect(r.platform.snapshot()["g.json"]).toContain('"saved"');
    expect(r.app.getState().document.dirty).toBe(true);
  });

  it("says why a save failed and keeps the document unsaved", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "x");
    r.platform.writeFile = async () => {
      throw new Error("the disk is full");
    };
    expect(await r.files.save()).toBe(false);
    expect(r.notices).toEqual(["g.json could not be saved: the disk is full"]);
    expect(r.app.getState().document.dirty).toBe(true);
  });
});

describe("a file changed on disk since it was opened", () => {
  async function conflicted(answer: string | undefined) {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "mine");
    const theirs = text({ ...lenet(), name: "Changed elsewhere" });
    r.platform.changeOutside("g.json", theirs);
    r.answer = () => answer;
    const saved = await r.files.save();
    return { r, saved, theirs };
  }

  it("asks: overwrite, reload from disk, or cancel", async () => {
    const { r } = await conflicted(undefined);
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0]!.question).toBe("g.json changed on disk since you opened it. What should happen to your changes?");
    expect(r.asked[0]!.choices.map((c) => [c.id, c.title])).toEqual([
      ["overwrite", "Overwrite g.json with your version"],
      ["reload", "Reload g.json from disk and discard your changes"],
      ["cancel", "Cancel: keep editing, save nothing"],
    ]);
  });

  it("overwrite: writes this version and goes on from the new one", async () => {
    const { r, saved } = await conflicted("overwrite");
    expect(saved).toBe(true);
    expect(r.platform.snapshot()["g.json"]).toBe(text(r.app.getState().document.doc));
    expect(r.app.getState().document).toMatchObject({ dirty: false, version: (await r.platform.readFile("g.json")).version });
  });

  it("reload: shows the file as it is on disk, clean, and drops the edits", async () => {
    const { r, saved, theirs } = await conflicted("reload");
    expect(saved).toBe(false);
    expect(r.platform.snapshot()["g.json"]).toBe(theirs);
    expect(r.app.getState().document).toMatchObject({ path: "g.json", dirty: false });
    expect(r.app.getState().document.doc.name).toBe("Changed elsewhere");
  });

  it("cancel (or dismissing the question): nothing is written, the edits stay", async () => {
    for (const answer of ["cancel", undefined]) {
      const { r, saved, theirs } = await conflicted(answer);
      expect(saved).toBe(false);
      expect(r.platform.snapshot()["g.json"]).toBe(theirs);
      expect(r.app.getState().document.dirty).toBe(true);
      expect(r.app.getState().document.doc.nodes.find((n) => n.id === "c1")!.label).toBe("mine");
    }
  });

  it("deleted on disk: offers to save it again, with no reload to offer", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "mine");
    r.platform.changeOutside("g.json", null);
    r.answer = always("overwrite");
    expect(await r.files.save()).toBe(true);
    expect(r.asked[0]!.question).toBe("g.json was deleted or moved since you opened it.");
    expect(r.asked[0]!.choices.map((c) => c.id)).toEqual(["overwrite", "cancel"]);
    expect(r.platform.snapshot()["g.json"]).toBe(text(r.app.getState().document.doc));
  });
});

describe("save as", () => {
  it("asks for a name for a graph never saved, suggesting its own name clear of existing files", async () => {
    const r = rig({ doc: mlp(), seed: { files: { "MLP.json": "{}" } } });
    rename(r.app, "h", "hidden");
    r.saveAsWith = { path: "nets/mlp.json", replace: false };
    expect(await r.files.save()).toBe(true);
    expect(r.suggested).toEqual(["MLP (2).json"]);
    expect(r.platform.snapshot()["nets/mlp.json"]).toBe(text(r.app.getState().document.doc));
    expect(r.app.getState().document).toMatchObject({ path: "nets/mlp.json", dirty: false });
  });

  it("cancelled: nothing is written and the graph stays unsaved", async () => {
    const r = rig({ doc: mlp() });
    rename(r.app, "h", "hidden");
    r.saveAsWith = null;
    expect(await r.files.saveAs()).toBe(false);
    expect(r.platform.snapshot()).toEqual({});
    expect(r.app.getState().document).toMatchObject({ path: null, dirty: true });
  });

  it("never replaces a file the person did not agree to replace: asks first", async () => {
    const r = rig({ doc: mlp(), seed: { files: { "taken.json": "keep me" } } });
    r.saveAsWith = { path: "taken.json", replace: false };
    r.answer = always("cancel");
    expect(await r.files.saveAs()).toBe(false);
    expect(r.asked[0]!.question).toBe("taken.json already exists in the workspace. Replace it?");
    expect(r.platform.snapshot()["taken.json"]).toBe("keep me");
    r.answer = always("overwrite");
    expect(await r.files.saveAs()).toBe(true);
    expect(r.platform.snapshot()["taken.json"]).toBe(text(mlp()));
  });

  it("with the host's own Save dialog (desktop), writes where it says without a version check", async () => {
    const names: string[] = [];
    const r = rig({
      seed: { files: { "g.json": LENET, "copy.json": "old" } },
      chooseSaveTarget: async (name) => {
        names.push(name);
        return { path: "copy.json", replace: true };
      },
    });
    await r.files.open("g.json");
    expect(await r.files.saveAs()).toBe(true);
    expect(names).toEqual(["g.json"]);
    expect(r.platform.snapshot()["copy.json"]).toBe(text(lenet()));
    expect(r.platform.snapshot()["g.json"]).toBe(LENET);
    expect(r.app.getState().document.path).toBe("copy.json");
    expect(r.asked).toEqual([]);
  });
});

describe("templates", () => {
  it("open as a new graph with no file: saving asks for a name and leaves the template alone", async () => {
    const r = rig({ seed: { templates: [{ id: "lenet", name: "LeNet-5", text: LENET }] } });
    expect(await r.files.openTemplate("lenet")).toBe(true);
    expect(r.app.getState().document).toMatchObject({ path: null, dirty: false });
    expect(r.app.getState().document.doc.name).toBe("LeNet-5");
    rename(r.app, "c1", "first conv");
    r.saveAsWith = { path: "my-lenet.json", replace: false };
    expect(await r.files.save()).toBe(true);
    expect(r.suggested).toEqual(["LeNet-5.json"]);
    expect(await r.platform.readTemplate("lenet")).toBe(LENET);
    expect(r.platform.snapshot()).toEqual({ "my-lenet.json": text(r.app.getState().document.doc) });
  });

  it("open the configuration asked for", async () => {
    const mini = text({ ...lenet(), name: "LeNet (mini)" });
    const r = rig({ seed: { templates: [{ id: "lenet", name: "LeNet-5", defaultConfiguration: "full", configurations: [{ id: "full", title: "Paper", text: LENET }, { id: "mini", title: "Mini", text: mini }] }] } });
    await r.files.openTemplate("lenet", "mini");
    expect(r.app.getState().document.doc.name).toBe("LeNet (mini)");
    await r.files.openTemplate("lenet");
    expect(r.app.getState().document.doc.name).toBe("LeNet-5");
  });
});

describe("the unsaved-changes question", () => {
  const dirtyRig = (answer: string | undefined) => {
    const r = rig({ seed: { files: { "g.json": LENET, "other.json": text(mlp()) }, templates: [{ id: "t", name: "T", text: text(mlp()) }] } });
    return (async () => {
      await r.files.open("g.json");
      rename(r.app, "c1", "unsaved");
      r.answer = (q, choices) => (q.includes("unsaved changes") ? answer : choices[0]!.id);
      return r;
    })();
  };

  it("offers save, discard and keep editing, naming the file and what comes next", async () => {
    const r = await dirtyRig("cancel");
    expect(await r.files.open("other.json")).toBe(false);
    expect(r.asked[0]!.question).toBe("g.json has unsaved changes. Save them before you open other.json?");
    expect(r.asked[0]!.choices.map((c) => c.title)).toEqual(["Save g.json, then open other.json", "Discard the changes and open other.json", "Keep editing"]);
    expect(r.app.getState().document).toMatchObject({ path: "g.json", dirty: true });
  });

  it("save: saves, then goes on", async () => {
    const r = await dirtyRig("save");
    expect(await r.files.newDocument()).toBe(true);
    expect(r.platform.snapshot()["g.json"]).toContain('"unsaved"');
    expect(r.app.getState().document).toMatchObject({ path: null, dirty: false });
    expect(r.app.getState().document.doc.nodes).toEqual([]);
  });

  it("discard: goes on without saving", async () => {
    const r = await dirtyRig("discard");
    expect(await r.files.openTemplate("t")).toBe(true);
    expect(r.platform.snapshot()["g.json"]).toBe(LENET);
    expect(r.app.getState().document.doc.name).toBe("MLP");
  });

  it("keep editing, or dismissing it: nothing changes", async () => {
    for (const answer of ["cancel", undefined]) {
      const r = await dirtyRig(answer);
      expect(await r.files.newDocument()).toBe(false);
      expect(r.app.getState().document).toMatchObject({ path: "g.json", dirty: true });
    }
  });

  it("is not asked when nothing is unsaved", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    expect(await r.files.open("g.json")).toBe(true);
    expect(await r.files.newDocument()).toBe(true);
    expect(r.asked).toEqual([]);
  });
});

describe("the start screen", () => {
  it("shows at launch and goes once a document is opened, made new, or edited", async () => {
    const r = rig({ doc: mlp(), seed: { files: { "g.json": LENET }, templates: [{ id: "t", name: "T", text: LENET }] } });
    expect(r.files.store.getState().start).toBe("launch");
    rename(r.app, "h", "edited behind the start screen");
    expect(r.files.store.getState().start).toBeNull();
    for (const opening of [() => r.files.open("g.json"), () => r.files.openTemplate("t"), () => r.files.newDocument()]) {
      r.files.showStart();
      expect(r.files.store.getState().start).toBe("asked");
      r.answer = always("discard");
      expect(await opening()).toBe(true);
      expect(r.files.store.getState().start).toBeNull();
    }
  });

  it("stays when opening fails, so the person can choose again", async () => {
    const r = rig({ seed: { files: { "bad.json": "{oops" } } });
    expect(await r.files.open("bad.json")).toBe(false);
    expect(r.notices[0]).toMatch(/^bad\.json cannot be opened: /);
    expect(r.files.store.getState().start).toBe("launch");
  });
});
