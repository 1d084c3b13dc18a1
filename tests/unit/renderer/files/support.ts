/** Files over a fresh app store and a memory platform, with scripted answers, for file tests. */
import { readFileSync } from "node:fs";
import { emptyDocument, type GraphDocument } from "../../../../graph-ir/core/document.js";
import { serializeGraph } from "../../../../graph-ir/core/load.js";
import { createFiles, type Choice, type Files, type FilesOptions, type SaveTarget } from "../../../../renderer/files/files.js";
import type { KeyLocks } from "../../../../renderer/files/key-locks.js";
import { createMemoryPlatform, type MemoryPlatform, type MemoryPlatformSeed } from "../../../../renderer/platform/memory.js";
import { createAppStore, type AppStore } from "../../../../renderer/store/app-store.js";

export const LENET = readFileSync(new URL("../../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8");

export interface Asked {
  readonly question: string;
  readonly choices: readonly Choice[];
}

/** Picks a choice id for a question; undefined dismisses it. */
export type Answer = (question: string, choices: readonly Choice[]) => string | undefined;

export interface Rig {
  readonly app: AppStore;
  readonly platform: MemoryPlatform;
  readonly files: Files;
  readonly asked: Asked[];
  readonly notices: string[];
  /** What the Save As dialog is answered with (null: cancel); the suggestions it got. */
  saveAsWith: SaveTarget | null;
  readonly suggested: string[];
  answer: Answer;
  stop(): void;
}

export interface RigOptions {
  readonly doc?: GraphDocument;
  readonly seed?: MemoryPlatformSeed;
  /** Shares a platform with an earlier rig (the app restarting over the same host). */
  readonly platform?: MemoryPlatform;
  readonly answer?: Answer;
  readonly locks?: KeyLocks;
  readonly chooseSaveTarget?: FilesOptions["chooseSaveTarget"];
}

let keys = 0;

export function rig(options: RigOptions = {}): Rig {
  const app = createAppStore(options.doc ?? emptyDocument());
  const platform = options.platform ?? createMemoryPlatform(options.seed);
  const asked: Asked[] = [];
  const notices: string[] = [];
  const r: Rig = {
    app,
    platform,
    asked,
    notices,
    saveAsWith: null,
    suggested: [],
    answer: options.answer ?? (() => undefined),
    files: undefined as unknown as Files,
    stop: () => undefined,
  };
  const files = createFiles({
    app,
    platform,
    notify: (m) => void notices.push(m),
    ask: async (question, choices) => {
      asked.push({ question, choices });
      return r.answer(question, choices);
    },
    newKey: () => `untitled-test${++keys}`,
    ...(options.locks ? { locks: options.locks } : {}),
    ...(options.chooseSaveTarget ? { chooseSaveTarget: options.chooseSaveTarget } : {}),
  });
  // The Save As dialog, answered as the test says.
  files.store.subscribe((s) => {
    if (!s.saveAs) return;
    r.suggested.push(s.saveAs.suggested);
    s.saveAs.resolve(r.saveAsWith);
  });
  (r as { files: Files }).files = files;
  r.stop = files.connect();
  return r;
}

/** Answers every question with the choice whose id is `id`. */
export const always = (id: string): Answer => (_, choices) => choices.find((c) => c.id === id)?.id;

export const text = (doc: GraphDocument) => serializeGraph(doc);

/** Renames node `id`: one undoable edit that marks the document unsaved. */
export function rename(app: AppStore, id: string, label: string): void {
  const r = app.getState().edit({ op: "rename", id, label }, `Rename ${id}`);
  if (!r.ok) throw new Error(r.error);
}
