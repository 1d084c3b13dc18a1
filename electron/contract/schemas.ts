/**
 * A zod schema for the arguments of every bridge method, and for shell events. Main validates
 * every payload with these before a handler sees it. The type checks at the bottom make the
 * schemas agree exactly with the contract types in renderer/platform/bridge.ts: a method added
 * there without a schema here, or a schema that accepts more or less than the type, fails to
 * compile.
 */
import { z } from "zod";
import type { InvokeApi, InvokeMethod, ShellEvent } from "../../renderer/platform/bridge.js";
import { LIMITS } from "../../renderer/platform/contract.js";

/** Longest workspace path the name rules allow (renderer/platform/paths.ts checks the rest). */
const MAX_PATH = 1000;

// Shapes only: the host services give the precise, user-worded refusals (bad names, sizes in bytes).
const path = z.string().min(1, "a file name is needed").max(MAX_PATH, `a path is at most ${MAX_PATH} characters`);
// A string longer than the byte limit in UTF-16 units is certainly too large in UTF-8 too.
const text = z.string().max(LIMITS.fileBytes, "the text is larger than any graph file Layerloom saves");
/** An exported file's suggested name: a plain name with the extension of what it holds. */
const exportName = z.string().regex(/^[^/\\:*?"<>|\u0000-\u001f]{1,200}\.(ts|py|csv|json|png|txt)$/i, "an export is saved under a plain file name ending in .ts, .py, .csv, .json, .png or .txt");
const backupKey = z.string().min(1).max(LIMITS.backupKeyLength);
const templateId = z.string().min(1).max(100);
const saveOptions = z.strictObject({ ifVersion: z.string().max(100).nullable().optional() });
const documentState = z.strictObject({
  path: path.nullable(),
  title: z.string().max(MAX_PATH),
  dirty: z.boolean(),
  backupKey: backupKey.nullable(),
});

const none = z.tuple([]);

export const ARGUMENTS = {
  listFiles: none,
  readFile: z.tuple([path]),
  readFileIfExists: z.tuple([path]),
  writeFile: z.tuple([path, text, saveOptions.optional()]),
  recentFiles: none,
  addRecentFile: z.tuple([path]),
  listTemplates: none,
  readTemplate: z.tuple([templateId, templateId.optional()]),
  readTemplateNotebook: z.tuple([templateId]),
  writeBackup: z.tuple([backupKey, text]),
  readBackup: z.tuple([backupKey]),
  listBackups: none,
  removeBackup: z.tuple([backupKey]),
  documentChanged: z.tuple([documentState]),
  chooseSaveTarget: z.tuple([z.string().max(MAX_PATH)]),
  showOpenDialog: none,
  saveExport: z.tuple([exportName, text]),
} as const;

/** Names for argument positions in error messages, so a refusal says which argument is wrong. */
export const ARGUMENT_NAMES: { readonly [K in InvokeMethod]: readonly string[] } = {
  listFiles: [],
  readFile: ["path"],
  readFileIfExists: ["path"],
  writeFile: ["path", "text", "options"],
  recentFiles: [],
  addRecentFile: ["path"],
  listTemplates: [],
  readTemplate: ["id", "configuration"],
  readTemplateNotebook: ["id"],
  writeBackup: ["key", "text"],
  readBackup: ["key"],
  listBackups: [],
  removeBackup: ["key"],
  documentChanged: ["state"],
  chooseSaveTarget: ["suggestedName"],
  showOpenDialog: [],
  saveExport: ["suggestedName", "text"],
};

export const SHELL_EVENT = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("command"), id: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal("open-file"), path }),
  z.strictObject({ type: z.literal("restore-backup"), key: backupKey }),
]);

// ---- The schemas and the contract types agree, both ways. ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
type Agreement = { [K in InvokeMethod]: Same<z.output<(typeof ARGUMENTS)[K]>, Parameters<InvokeApi[K]>> };
export type SchemasMatchContract = Expect<Agreement[InvokeMethod]>;
export type SchemasCoverContract = Expect<Same<keyof typeof ARGUMENTS, InvokeMethod>>;
export type EventSchemaMatchesContract = Expect<Same<z.output<typeof SHELL_EVENT>, ShellEvent>>;
