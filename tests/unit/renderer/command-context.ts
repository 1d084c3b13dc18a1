/** A CommandContext over fresh stores, a memory platform, a memory clipboard and Files over both, for command tests. */
import type { StateStorage } from "zustand/middleware";
import { emptyDocument, type GraphDocument } from "../../../graph-ir/core/document.js";
import { memoryClipboard } from "../../../renderer/commands/clipboard-port.js";
import { createFiles } from "../../../renderer/files/files.js";
import type { CommandContext, PickItem, PickRequest } from "../../../renderer/commands/registry.js";
import { createMemoryPlatform, type MemoryPlatformSeed } from "../../../renderer/platform/memory.js";
import { createAppStore } from "../../../renderer/store/app-store.js";
import { createLayoutStore } from "../../../renderer/store/layout-store.js";

export interface TestContext extends CommandContext {
  readonly notices: string[];
  readonly asked: PickRequest[];
}

export function memoryStorage(): StateStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** `answer` picks for every question a command asks (default: cancel). */
export function testContext(
  doc: GraphDocument = emptyDocument(),
  opts: { seed?: MemoryPlatformSeed; answer?: (request: PickRequest, items: readonly PickItem[]) => PickItem | undefined } = {},
): TestContext {
  const notices: string[] = [];
  const asked: PickRequest[] = [];
  const app = createAppStore(doc);
  const platform = createMemoryPlatform(opts.seed);
  const notify = (m: string) => void notices.push(m);
  const pick = async (request: PickRequest) => {
    asked.push(request);
    const items = typeof request.items === "function" ? await request.items() : request.items;
    return opts.answer?.(request, items);
  };
  return {
    app,
    layout: createLayoutStore(memoryStorage()),
    platform,
    clipboard: memoryClipboard(),
    files: createFiles({ app, platform, notify, ask: async (question, choices) => (await pick({ placeholder: question, items: choices }))?.id }),
    notices,
    asked,
    notify,
    pick,
  };
}
