/**
 * The contract between the page and main: every method has a schema, a handler and a channel;
 * the preload exposes exactly the contract; main refuses payloads that do not fit, senders that
 * are not the app's own page, and channels it does not know. Then the whole Platform contract
 * runs through preload -> IPC -> main -> host services, as it does against the web host.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { InvokeMethod, ShellEvent } from "../../../renderer/platform/bridge.js";
import { createElectronPlatform, electronShell } from "../../../renderer/platform/electron.js";
import { INVOKE_METHODS, SHELL_EVENT_CHANNEL, channelOf, methodOf } from "../../../electron/contract/methods.js";
import { ARGUMENTS } from "../../../electron/contract/schemas.js";
import { HostError } from "../../../electron/host/errors.js";
import { isAppUrl } from "../../../electron/main/app-protocol.js";
import { createDocuments } from "../../../electron/main/documents.js";
import { createIpcRouter, type Handlers } from "../../../electron/main/ipc-router.js";
import { createBridge, type IpcRendererLike } from "../../../electron/preload/bridge.js";
import { platformContract } from "../../support/platform-contract.js";
import { tempDir } from "../host/temp.js";
import { eventFrom, scriptedShell } from "./support.js";

/** Arguments each method accepts; typed per method, so a new method cannot be left out here. */
const VALID: { [K in InvokeMethod]: unknown[] } = {
  listFiles: [],
  readFile: ["nets/lenet.json"],
  readFileIfExists: ["nets/lenet.runs.json"],
  writeFile: ["nets/lenet.json", "{}", { ifVersion: "abc" }],
  recentFiles: [],
  addRecentFile: ["lenet.json"],
  listTemplates: [],
  readTemplate: ["lenet5"],
  readTemplateNotebook: ["lenet5"],
  writeBackup: ["untitled-1", "{}"],
  readBackup: ["untitled-1"],
  listBackups: [],
  removeBackup: ["untitled-1"],
  documentChanged: [{ path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" }],
  chooseSaveTarget: ["LeNet"],
  showOpenDialog: [],
  saveExport: ["lenet.ts", "export {};\n"],
};

/** One payload per method that its schema must refuse, and the words the refusal must use. */
const INVALID: { [K in InvokeMethod]: { args: unknown[]; says: RegExp } } = {
  listFiles: { args: ["extra"], says: /takes no arguments/ },
  readFile: { args: [42], says: /wrong path: .*expected string/ },
  readFileIfExists: { args: [""], says: /wrong path: a file name is needed/ },
  writeFile: { args: ["a.json", 5], says: /wrong text: .*expected string/ },
  recentFiles: { args: [1], says: /takes no arguments/ },
  addRecentFile: { args: [null], says: /wrong path/ },
  listTemplates: { args: [{}], says: /takes no arguments/ },
  readTemplate: { args: [""], says: /wrong id/ },
  readTemplateNotebook: { args: [3], says: /wrong id/ },
  writeBackup: { args: ["key"], says: /"writeBackup" takes key, text, but was called with 1 argument\./ },
  readBackup: { args: [""], says: /wrong key/ },
  listBackups: { args: ["x"], says: /takes no arguments/ },
  removeBackup: { args: [7], says: /wrong key/ },
  documentChanged: { args: [{ path: null, title: "x", dirty: "yes", backupKey: null }], says: /wrong state\.dirty: .*expected boolean/ },
  chooseSaveTarget: { args: [], says: /takes suggestedName, but was called with 0 arguments/ },
  showOpenDialog: { args: [1], says: /takes no arguments/ },
  saveExport: { args: ["../../etc/passwd", "x"], says: /wrong suggestedName: an export is saved under a plain file name/ },
};

function spyHandlers() {
  const calls: { method: string; args: unknown[] }[] = [];
  const handlers = Object.fromEntries(
    INVOKE_METHODS.map((m) => [m, async (_ctx: unknown, ...args: unknown[]) => void calls.push({ method: m, args })]),
  ) as unknown as Handlers<{ id: number }>;
  return { handlers, calls };
}

function routerWith(handlers: Handlers<{ id: number }>, log: string[] = []) {
  return createIpcRouter({ handlers, contextFor: (id) => (id === 1 ? { id } : undefined), isAppUrl: (u) => isAppUrl(u), log: (m) => void log.push(m) });
}

describe("the contract", () => {
  it("gives every method a schema, a handler in main and its own channel, and nothing more", async () => {
    const shell = scriptedShell({ defaultFolder: await tempDir(), stateRoot: await tempDir() });
    const documents = createDocuments(shell.deps);
    expect(Object.keys(ARGUMENTS).sort()).toEqual([...INVOKE_METHODS].sort());
    expect(Object.keys(documents.handlers).sort()).toEqual([...INVOKE_METHODS].sort());
    const installed: string[] = [];
    routerWith(spyHandlers().handlers).install({ handle: (channel) => void installed.push(channel) });
    expect(installed.sort()).toEqual(INVOKE_METHODS.map(channelOf).sort());
    expect(new Set(installed).size).toBe(INVOKE_METHODS.length);
    for (const m of INVOKE_METHODS) expect(methodOf(channelOf(m))).toBe(m);
    expect(methodOf("layerloom:__proto__")).toBeUndefined();
    expect(methodOf("layerloom:toString")).toBeUndefined();
  });

  it("accepts each method's valid arguments and passes them to its handler unchanged", async () => {
    const { handlers, calls } = spyHandlers();
    const router = routerWith(handlers);
    for (const m of INVOKE_METHODS) {
      const result = await router.handle(channelOf(m), eventFrom(1), VALID[m]);
      expect(result, m).toEqual({ ok: true, value: undefined });
      expect(calls.at(-1)).toEqual({ method: m, args: VALID[m] });
    }
  });

  it("refuses a payload that fails its schema, saying which argument is wrong, without calling the handler", async () => {
    const { handlers, calls } = spyHandlers();
    const router = routerWith(handlers);
    for (const m of INVOKE_METHODS) {
      const result = await router.handle(channelOf(m), eventFrom(1), INVALID[m].args);
      expect(result.ok, m).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, m).toBe("bad-request");
      expect(result.error.message, m).toContain(`"${m}" `);
      expect(result.error.message, m).toMatch(INVALID[m].says);
    }
    expect(calls).toEqual([]);
    // Extra fields in an options object are refused too, not passed along.
    const extra = await router.handle(channelOf("writeFile"), eventFrom(1), ["a.json", "{}", { ifVersion: null, path: "/etc/passwd" }]);
    expect(extra).toMatchObject({ ok: false, error: { code: "bad-request" } });
    // Oversized text is refused before any host code runs.
    const huge = await router.handle(channelOf("writeBackup"), eventFrom(1), ["k", "x".repeat(32 * 1024 * 1024 + 1)]);
    expect(huge).toMatchObject({ ok: false, error: { code: "bad-request", message: expect.stringMatching(/larger than any graph file/) } });
  });

  it("refuses senders that are not the app's own page: subframes, other sites, other web contents, gone frames", async () => {
    const { handlers, calls } = spyHandlers();
    const log: string[] = [];
    const router = routerWith(handlers, log);
    const cases = [
      eventFrom(1, "https://evil.example/index.html"),
      eventFrom(1, "file:///etc/passwd"),
      eventFrom(1, "app://layerloom.evil/index.html"),
      eventFrom(1, undefined, { subframe: true }),
      eventFrom(1, undefined, { noFrame: true }),
      eventFrom(2), // a web contents that is not one of the app's document windows
    ];
    for (const event of cases) {
      const result = await router.handle(channelOf("readFile"), event, ["lenet.json"]);
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden", message: expect.stringContaining('Layerloom refused "readFile"') } });
    }
    expect(calls).toEqual([]);
    expect(log).toHaveLength(cases.length);
  });

  it("refuses channels that are not in the contract", async () => {
    const { handlers, calls } = spyHandlers();
    const router = routerWith(handlers);
    for (const channel of ["layerloom:deleteEverything", "layerloom:constructor", "ELECTRON_BROWSER_REQUIRE", "readFile"]) {
      const result = await router.handle(channel, eventFrom(1), []);
      expect(result).toMatchObject({ ok: false, error: { code: "bad-request", message: expect.stringContaining("There is no Layerloom request") } });
    }
    expect(calls).toEqual([]);
  });

  it("answers host failures with their code and hides unexpected ones behind a plain message", async () => {
    const { handlers } = spyHandlers();
    const log: string[] = [];
    const failing = {
      ...handlers,
      readFile: async () => {
        throw new HostError("not-found", '"gone.json" was not found in the workspace.');
      },
      listFiles: async () => {
        throw new TypeError("boom at /home/ada/secret/path");
      },
    } as Handlers<{ id: number }>;
    const router = routerWith(failing, log);
    expect(await router.handle(channelOf("readFile"), eventFrom(1), ["gone.json"])).toEqual({ ok: false, error: { code: "not-found", message: '"gone.json" was not found in the workspace.' } });
    const hidden = await router.handle(channelOf("listFiles"), eventFrom(1), []);
    expect(hidden).toMatchObject({ ok: false, error: { code: "unavailable" } });
    expect(JSON.stringify(hidden)).not.toContain("secret");
    expect(log.join("\n")).toContain("boom");
  });
});

describe("the preload bridge", () => {
  function fakeIpc() {
    const sent: { channel: string; args: unknown[] }[] = [];
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipc: IpcRendererLike = {
      invoke: async (channel, ...args) => {
        sent.push({ channel, args });
        return { ok: true, value: channel };
      },
      on: (channel, listener) => void listeners.set(channel, listener),
    };
    const emit = (event: ShellEvent) => listeners.get(SHELL_EVENT_CHANNEL)?.({ sender: "ipc event object" }, event);
    return { ipc, sent, emit, listeners };
  }

  it("exposes exactly one function per contract method plus the event subscription, frozen", () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([...INVOKE_METHODS, "onShellEvent"].sort());
    expect(Object.values(bridge).every((v) => typeof v === "function")).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect("invoke" in bridge || "send" in bridge || "ipcRenderer" in bridge).toBe(false);
  });

  it("sends each call on its method's channel with the arguments as given", async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createBridge(ipc) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const m of INVOKE_METHODS) expect(await bridge[m]!(...VALID[m])).toEqual({ ok: true, value: channelOf(m) });
    expect(sent).toEqual(INVOKE_METHODS.map((m) => ({ channel: channelOf(m), args: VALID[m] })));
  });

  it("turns a broken connection into an 'unavailable' answer instead of a bare rejection", async () => {
    const bridge = createBridge({ invoke: () => Promise.reject(new Error("No handler registered")), on: () => undefined });
    expect(await bridge.listFiles()).toMatchObject({ ok: false, error: { code: "unavailable", message: expect.stringContaining("unsaved changes are kept in the backup") } });
  });

  it("keeps shell events that arrive before the page listens, then delivers them in order without the IPC event", async () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    emit({ type: "open-file", path: "lenet.json" });
    emit({ type: "command", id: "file.save" });
    const seen: unknown[] = [];
    const stop = bridge.onShellEvent((e) => seen.push(e));
    await Promise.resolve();
    emit({ type: "restore-backup", key: "untitled-1" });
    expect(seen).toEqual([{ type: "open-file", path: "lenet.json" }, { type: "command", id: "file.save" }, { type: "restore-backup", key: "untitled-1" }]);
    stop();
    emit({ type: "command", id: "edit.undo" });
    expect(seen).toHaveLength(3);
  });

  it("gives the renderer's shell wrapper plain values and PlatformErrors", async () => {
    const { ipc, emit } = fakeIpc();
    ipc.invoke = async (channel) =>
      channel === channelOf("chooseSaveTarget") ? { ok: true, value: "lenet.json" } : { ok: false, error: { code: "forbidden", message: "no" } };
    const bridge = createBridge(ipc);
    const shell = electronShell({ layerloom: bridge } as unknown as Window)!;
    expect(await shell.chooseSaveTarget("LeNet")).toBe("lenet.json");
    await expect(shell.showOpenDialog()).rejects.toMatchObject({ name: "PlatformError", code: "forbidden" });
    const seen = vi.fn();
    shell.onEvent(seen);
    emit({ type: "command", id: "edit.undo" });
    expect(seen).toHaveBeenCalledWith({ type: "command", id: "edit.undo" });
    expect(electronShell({} as Window)).toBeNull();
  });
});

// The same behaviour the memory and web platforms are held to, through the whole desktop path.
platformContract("Electron platform (preload -> IPC -> main -> host services)", async () => {
  const root = await tempDir();
  const shell = scriptedShell({ defaultFolder: root, stateRoot: await tempDir() });
  const documents = createDocuments(shell.deps);
  const ctx = await documents.newWindow(root);
  const router = createIpcRouter({ handlers: documents.handlers, contextFor: (id) => documents.contextFor(id), isAppUrl: (u) => isAppUrl(u), log: () => undefined });
  const bridge = createBridge({
    // Structured clone, as Electron's IPC copies arguments and answers.
    invoke: async (channel, ...args) => structuredClone(await router.handle(channel, eventFrom(ctx.window.contentsId), structuredClone(args))),
    on: () => undefined,
  });
  return {
    platform: createElectronPlatform(bridge),
    async seed(path, text) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), text);
    },
    remove: (path) => rm(join(root, path), { force: true }),
  };
});
