/**
 * The questions main asks with native message boxes, as data: the buttons each OS puts where
 * people expect them, and what each answer means. index.ts shows them with dialog.showMessageBox.
 */
import { basename } from "node:path";
import type { RecoverableWorkspace } from "../host/desktop-state.js";
import { parseWorkspacePath } from "../../renderer/platform/paths.js";
import type { SaveChangesAnswer } from "./documents.js";

export interface Prompt<A> {
  readonly options: {
    readonly type: "warning" | "question";
    readonly message: string;
    readonly detail: string;
    readonly buttons: string[];
    readonly defaultId: number;
    readonly cancelId: number;
    readonly noLink: true;
  };
  /** What the button at this index means. */
  answer(response: number): A;
}

/** macOS puts Don't Save on the left, away from Save; Windows and Linux put Cancel last. */
export function saveChangesPrompt(title: string, mac: boolean): Prompt<SaveChangesAnswer> {
  const answers: SaveChangesAnswer[] = mac ? ["save", "cancel", "discard"] : ["save", "discard", "cancel"];
  const words: Record<SaveChangesAnswer, string> = { save: "Save", discard: "Don't Save", cancel: "Cancel" };
  return {
    options: {
      type: "warning",
      message: `Save the changes to "${title}" before closing?`,
      detail: "If you don't save, the changes are lost.",
      buttons: answers.map((a) => words[a]),
      defaultId: 0,
      cancelId: answers.indexOf("cancel"),
      noLink: true,
    },
    answer: (response) => answers[response] ?? "cancel",
  };
}

export type RecoveryAnswer = "restore" | "later" | "discard";

export function recoveryPrompt(workspaces: readonly RecoverableWorkspace[]): Prompt<RecoveryAnswer> {
  const lines = workspaces.flatMap((ws) =>
    ws.backups.map((b) => (parseWorkspacePath(b.key).ok ? `${basename(b.key)} in ${ws.root}` : `An untitled graph (in ${ws.root})`)),
  );
  const count = lines.length;
  const answers: RecoveryAnswer[] = ["restore", "later", "discard"];
  return {
    options: {
      type: "question",
      message: `Layerloom closed without saving changes to ${count === 1 ? "a graph" : `${count} graphs`}. Restore ${count === 1 ? "it" : "them"}?`,
      detail: `${lines.slice(0, 10).join("\n")}${count > 10 ? `\n…and ${count - 10} more` : ""}\n\n"Later" keeps the changes and asks again next time. "Discard" deletes them for good.`,
      buttons: ["Restore", "Later", "Discard"],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    },
    answer: (response) => answers[response] ?? "later",
  };
}

export function replacePrompt(path: string): Prompt<boolean> {
  return {
    options: {
      type: "warning",
      message: `"${basename(path)}" already exists. Replace it?`,
      detail: "Replacing it overwrites what it holds now.",
      buttons: ["Replace", "Cancel"],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answer: (response) => response === 0,
  };
}
