/**
 * The Platform inside the Electron shell: every call goes to window.layerloom, which the preload
 * script exposes (contextIsolation on, no Node in the page). Nothing here imports electron.
 */
import type { BridgeResult, DesktopShell, LayerloomBridge, ShellEvent } from "./bridge.js";
import { PlatformError, type Platform } from "./platform.js";

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    readonly layerloom?: LayerloomBridge;
  }
}

async function call<T>(pending: Promise<BridgeResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new PlatformError(result.error.code, result.error.message);
  return result.value;
}

export function createElectronPlatform(bridge: LayerloomBridge): Platform {
  return {
    kind: "electron",
    listFiles: () => call(bridge.listFiles()),
    readFile: (path) => call(bridge.readFile(path)),
    readFileIfExists: (path) => call(bridge.readFileIfExists(path)),
    writeFile: (path, text, options) => call(options === undefined ? bridge.writeFile(path, text) : bridge.writeFile(path, text, options)),
    recentFiles: () => call(bridge.recentFiles()),
    addRecentFile: (path) => call(bridge.addRecentFile(path)),
    listTemplates: () => call(bridge.listTemplates()),
    readTemplate: (id, configuration) => call(configuration === undefined ? bridge.readTemplate(id) : bridge.readTemplate(id, configuration)),
    readTemplateNotebook: (id) => call(bridge.readTemplateNotebook(id)),
    writeBackup: (key, text) => call(bridge.writeBackup(key, text)),
    readBackup: (key) => call(bridge.readBackup(key)),
    listBackups: () => call(bridge.listBackups()),
    removeBackup: (key) => call(bridge.removeBackup(key)),
  };
}

/** The desktop window's own requests and events; failures throw PlatformError like the Platform. */
export interface ElectronShell extends DesktopShell {
  onEvent(listener: (event: ShellEvent) => void): () => void;
}

/** The shell of the desktop window, or null in a browser. */
export function electronShell(win: Window): ElectronShell | null {
  const bridge = win.layerloom;
  if (!bridge) return null;
  return {
    documentChanged: (state) => call(bridge.documentChanged(state)),
    chooseSaveTarget: (name) => call(bridge.chooseSaveTarget(name)),
    showOpenDialog: () => call(bridge.showOpenDialog()),
    saveExport: (name, text) => call(bridge.saveExport(name, text)),
    onEvent: (listener) => bridge.onShellEvent(listener),
  };
}
