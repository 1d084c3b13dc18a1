/**
 * The names of the bridge's methods and the IPC channels they travel on. No zod here: the
 * preload imports this file and must stay small. The object literal below must name every
 * method of the contract (renderer/platform/bridge.ts) and nothing else, or it does not compile.
 */
import type { InvokeMethod } from "../../renderer/platform/bridge.js";

const METHODS = {
  listFiles: true,
  readFile: true,
  readFileIfExists: true,
  writeFile: true,
  recentFiles: true,
  addRecentFile: true,
  listTemplates: true,
  readTemplate: true,
  readTemplateNotebook: true,
  writeBackup: true,
  readBackup: true,
  listBackups: true,
  removeBackup: true,
  documentChanged: true,
  chooseSaveTarget: true,
  showOpenDialog: true,
  saveExport: true,
} as const satisfies Record<InvokeMethod, true>;

export const INVOKE_METHODS = Object.keys(METHODS) as readonly InvokeMethod[];

const PREFIX = "layerloom:";

export type InvokeChannel = `${typeof PREFIX}${InvokeMethod}`;

export function channelOf(method: InvokeMethod): InvokeChannel {
  return `${PREFIX}${method}`;
}

/** The method a channel belongs to, or undefined for any channel that is not ours. */
export function methodOf(channel: string): InvokeMethod | undefined {
  if (!channel.startsWith(PREFIX)) return undefined;
  const name = channel.slice(PREFIX.length);
  return Object.hasOwn(METHODS, name) ? (name as InvokeMethod) : undefined;
}

/** Main to page: the one channel shell events (menu commands, files to open) arrive on. */
export const SHELL_EVENT_CHANNEL = "layerloom:shell-event";
