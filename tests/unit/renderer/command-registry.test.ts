import { describe, expect, it } from "vitest";
import { matchesChord, parseShortcut, shortcutText, type KeyLike } from "../../../renderer/commands/keys.js";
import { createCommandRegistry, type Command } from "../../../renderer/commands/registry.js";
import { rankItems } from "../../../renderer/commands/search.js";
import { viewCommands } from "../../../renderer/commands/view-commands.js";
import { editCommands } from "../../../renderer/commands/edit-commands.js";
import { graph } from "../../support/docs.js";
import { testContext } from "./command-context.js";

/** A key event as Chromium reports it on a US layout. */
function key(k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean; code?: string } = {}): KeyLike {
  const code = mods.code ?? (/^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^[0-9]$/.test(k) ? `Digit${k}` : k);
  return { key: k, code, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt };
}

const cmd = (id: string, extra: Partial<Command> = {}): Command & { runs: number } => {
  const c = { id, title: id, category: "Test", runs: 0, run() { c.runs++; }, ...extra };
  return c;
};

describe("shortcuts", () => {
  it("match Mod as Ctrl on Windows and Linux and as Cmd on macOS, and never the other", () => {
    const undo = parseShortcut("Mod+Z");
    expect(matchesChord(undo, key("z", { ctrl: true }), false)).toBe(true);
    expect(matchesChord(undo, key("z", { meta: true }), false)).toBe(false);
    expect(matchesChord(undo, key("z", { meta: true }), true)).toBe(true);
    expect(matchesChord(undo, key("z", { ctrl: true }), true)).toBe(false);
    expect(matchesChord(undo, key("Z", { ctrl: true, shift: true }), false)).toBe(false);
    expect(matchesChord(parseShortcut("Mod+Shift+Z"), key("Z", { ctrl: true, shift: true }), false)).toBe(true);
  });

  it("follow the letter typed (AZERTY) and fall back to the physical key for non-Latin text", () => {
    const undo = parseShortcut("Mod+Z");
    // AZERTY: the key labelled Z sits where QWERTY has W.
    expect(matchesChord(undo, key("z", { ctrl: true, code: "KeyW" }), false)).toBe(true);
    expect(matchesChord(undo, key("я", { ctrl: true, code: "KeyZ" }), false)).toBe(true);
    // macOS Alt turns B into ∫; the physical key still says B.
    expect(matchesChord(parseShortcut("Mod+Alt+B"), key("∫", { meta: true, alt: true, code: "KeyB" }), true)).toBe(true);
  });

  it("match punctuation by character whatever Shift a layout needs, and named keys exactly", () => {
    expect(matchesChord(parseShortcut("/"), key("/", { shift: true, code: "Digit7" }), false)).toBe(true);
    expect(matchesChord(parseShortcut("Delete"), key("Delete"), false)).toBe(true);
    expect(matchesChord(parseShortcut("Delete"), key("Delete", { ctrl: true }), false)).toBe(false);
    expect(matchesChord(parseShortcut("F"), key("f", { ctrl: true }), false)).toBe(false);
  });

  it("are written the way each platform writes them", () => {
    expect(shortcutText("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(shortcutText("Mod+Shift+Z", true)).toBe("⇧⌘Z");
    expect(shortcutText("Mod+Alt+B", true)).toBe("⌥⌘B");
    expect(shortcutText("Delete", false)).toBe("Del");
    expect(shortcutText("Backspace", true)).toBe("⌫");
  });

  it("read the plus key, alone or with modifiers", () => {
    expect(parseShortcut("+")).toEqual({ mod: false, shift: false, alt: false, key: "+" });
    expect(parseShortcut("Mod++")).toEqual({ mod: true, shift: false, alt: false, key: "+" });
    expect(matchesChord(parseShortcut("+"), key("+", { shift: true, code: "Equal" }), false)).toBe(true);
  });

  it("refuse a malformed shortcut where it is declared", () => {
    expect(() => parseShortcut("Mod+")).toThrow(/names no key/);
    expect(() => parseShortcut("Ctl+Z")).toThrow(/Ctl/);
    expect(() => createCommandRegistry().register(cmd("x", { shortcuts: ["Hyper+X"] }))).toThrow(/Hyper/);
  });
});

describe("command registry", () => {
  it("registers, lists in order, notifies, and unregisters exactly what it added", () => {
    const r = createCommandRegistry();
    let changes = 0;
    r.subscribe(() => changes++);
    const offA = r.register([cmd("a"), cmd("b")]);
    const offC = r.register(cmd("c"));
    expect(r.list().map((c) => c.id)).toEqual(["a", "b", "c"]);
    offA();
    offA(); // a second call changes nothing
    expect(r.list().map((c) => c.id)).toEqual(["c"]);
    expect(r.get("a")).toBeUndefined();
    offC();
    expect(changes).toBe(4);
  });

  it("refuses a second command with a taken id", () => {
    const r = createCommandRegistry();
    r.register(cmd("edit.undo"));
    expect(() => r.register(cmd("edit.undo"))).toThrow(/already registered/);
    expect(() => r.register([cmd("x"), cmd("x")])).toThrow(/already registered/);
    expect(r.list()).toHaveLength(1);
  });

  it("finds the command for a key: the latest enabled one, else a disabled Mod chord to claim the key", () => {
    const ctx = testContext();
    const r = createCommandRegistry();
    const base = cmd("base", { shortcuts: ["F"] });
    const over = cmd("over", { shortcuts: ["F"] });
    r.register(base);
    const off = r.register(over);
    expect(r.forKey(key("f"), { mac: false, typing: false, ctx })?.id).toBe("over");
    off();
    expect(r.forKey(key("f"), { mac: false, typing: false, ctx })?.id).toBe("base");
    const dup = cmd("dup", { shortcuts: ["Mod+D"], enabled: () => false });
    r.register(dup);
    expect(r.forKey(key("d", { ctrl: true }), { mac: false, typing: false, ctx })?.id).toBe("dup");
    expect(r.forKey(key("q", { ctrl: true }), { mac: false, typing: false, ctx })).toBeUndefined();
    // A bare key nobody can act on now stays with the browser (Escape closes what it closes).
    r.register(cmd("leave", { shortcuts: ["Escape"], enabled: () => false }));
    expect(r.forKey(key("Escape"), { mac: false, typing: false, ctx })).toBeUndefined();
  });

  it("leaves keys to a focused text field unless the command works while typing", () => {
    const ctx = testContext();
    const r = createCommandRegistry();
    r.register([cmd("delete", { shortcuts: ["Backspace"] }), cmd("palette", { shortcuts: ["Mod+K"], whenTyping: true })]);
    expect(r.forKey(key("Backspace"), { mac: false, typing: true, ctx })).toBeUndefined();
    expect(r.forKey(key("Backspace"), { mac: false, typing: false, ctx })?.id).toBe("delete");
    expect(r.forKey(key("k", { ctrl: true }), { mac: false, typing: true, ctx })?.id).toBe("palette");
  });

  it("runs only enabled commands, and reports a failing command instead of throwing", async () => {
    const ctx = testContext();
    const r = createCommandRegistry();
    const off = cmd("off", { enabled: () => false });
    const boom = cmd("boom", { run: () => { throw new Error("disk full"); } });
    r.register([off, boom]);
    expect(await r.run("off", ctx)).toEqual({ ran: false, reason: "off is not available now." });
    expect(off.runs).toBe(0);
    expect(await r.run("boom", ctx)).toEqual({ ran: false, reason: "boom failed: disk full" });
    expect(ctx.notices).toEqual(["boom failed: disk full"]);
    expect((await r.run("ghost", ctx)).ran).toBe(false);
  });

  it("holds the app's commands with unique ids and shortcuts that do not collide", () => {
    const r = createCommandRegistry();
    r.register([...editCommands(), ...viewCommands(() => true)]);
    const chords = r.list().flatMap((c) => (c.shortcuts ?? []).map((s) => JSON.stringify(parseShortcut(s))));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it("undo and redo commands name the step they act on, and say when they can run", async () => {
    const ctx = testContext(graph().node("d", "Dense", { units: 4 }).build());
    const r = createCommandRegistry();
    r.register(editCommands());
    const undo = r.get("edit.undo")!;
    expect(undo.enabled!(ctx)).toBe(false);
    ctx.app.getState().edit({ op: "setParam", id: "d", param: "units", value: 8 }, "Set units");
    expect(undo.enabled!(ctx)).toBe(true);
    expect(undo.detail!(ctx)).toBe("Set units");
    await r.run("edit.undo", ctx);
    expect(ctx.app.getState().document.doc.nodes[0]!.params.units).toBe(4);
    expect(r.get("edit.redo")!.detail!(ctx)).toBe("Set units");
  });

  it("switches the theme away from the one in force, also when following the system", async () => {
    const ctx = testContext();
    const r = createCommandRegistry();
    r.register(viewCommands(() => true)); // the system is dark
    await r.run("view.toggleTheme", ctx);
    expect(ctx.layout.getState().theme).toBe("light");
    await r.run("view.toggleTheme", ctx);
    expect(ctx.layout.getState().theme).toBe("dark");
    await r.run("view.systemTheme", ctx);
    expect(ctx.layout.getState().theme).toBe("system");
  });
});

describe("command search", () => {
  const items = [
    { title: "Undo", category: "Edit" },
    { title: "Group into block", category: "Edit", keywords: "subgraph module" },
    { title: "Switch between light and dark theme", category: "View", keywords: "toggle colour" },
    { title: "Delete selected layers", category: "Edit", keywords: "remove erase" },
  ];
  it("ranks by fuzzy title match, then category and keywords", () => {
    expect(rankItems(items, "undo")[0]!.item.title).toBe("Undo");
    expect(rankItems(items, "grp")[0]!.item.title).toBe("Group into block");
    expect(rankItems(items, "dark")[0]!.item.title).toMatch(/theme/);
    expect(rankItems(items, "remove").map((r) => r.item.title)).toEqual(["Delete selected layers"]);
    expect(rankItems(items, "zzz")).toEqual([]);
  });
  it("puts commands that can run first, keeping the given order when nothing is typed", () => {
    const ranked = rankItems(items, "", (i) => i.title !== "Undo").map((r) => r.item.title);
    expect(ranked).toEqual(["Group into block", "Switch between light and dark theme", "Delete selected layers", "Undo"]);
  });
});
