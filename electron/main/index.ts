/**
 * The Electron main process: wiring only. Everything with logic lives in plain modules beside
 * this one (documents, ipc-router, security, menu, window-state, prompts, argv) and in
 * electron/host, and is unit-tested without Electron; this file hands them the real objects.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from "electron";
import { readFile, realpath } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHELL_EVENT_CHANNEL } from "../contract/methods.js";
import { SHELL_EVENT } from "../contract/schemas.js";
import { openDesktopState } from "../host/desktop-state.js";
import { HostError } from "../host/errors.js";
import { openHostState } from "../host/host-state.js";
import { createHostServices, type HostServices } from "../host/services.js";
import { loadStaticFiles } from "../host/static-files.js";
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse, isAppUrl } from "./app-protocol.js";
import { parseLaunchArgs } from "./argv.js";
import { createDocuments, windowTitle, type DocumentWindow, type ShellWindow } from "./documents.js";
import { isAllowedExternalUrl } from "./external-links.js";
import { createIpcRouter } from "./ipc-router.js";
import { menuTemplate, shellShortcut } from "./menu.js";
import { recoveryPrompt, replacePrompt, saveChangesPrompt, type Prompt } from "./prompts.js";
import { documentWindowOptions, guardSession, guardWebContents } from "./security.js";
import { parseWindowState, placeWindow, type WindowState } from "./window-state.js";

// The bundle lives at <app>/dist/electron/main/; the repository and the packaged app share that layout.
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RENDERER = join(ROOT, "dist", "renderer");
const PRELOAD = join(ROOT, "dist", "electron", "preload", "index.cjs");
const TEMPLATES = join(ROOT, "templates");
const ICON = join(ROOT, "build", "icon.png");

const mac = process.platform === "darwin";
const log = (message: string) => console.error(`[layerloom] ${message}`);
// electron-vite's dev server, only when running from source.
const devServer = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;
const launch = parseLaunchArgs(process.argv, process.cwd(), app.isPackaged ? 1 : 2);

app.setName("Layerloom");
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  // Another Layerloom is running: it receives our arguments through "second-instance".
  app.quit();
} else {
  start();
}

function start(): void {
  const desktop = openDesktopState(app.getPath("userData"));
  const browserWindows = new Map<number, BrowserWindow>();
  const services = new Map<string, Promise<HostServices>>();
  let savedWindowState: WindowState | null = null;
  let quitRequested = false;
  let ready = false;
  const pendingFiles: string[] = [...launch.files];

  async function servicesFor(folder: string): Promise<HostServices> {
    const root = await realpath(folder).catch(() => {
      throw new HostError("not-found", `The folder "${folder}" does not exist.`);
    });
    let made = services.get(root);
    if (!made) {
      made = (async () => createHostServices({ workspace: root, state: await desktop.stateFolderFor(root), templates: TEMPLATES }))();
      services.set(root, made);
      made.catch(() => services.delete(root));
    }
    return made;
  }

  async function defaultFolder(): Promise<string> {
    const candidates = [launch.workspace, ...(await desktop.recentDocuments()).slice(0, 1).map(dirname), app.getPath("documents"), homedir()];
    for (const c of candidates) if (c && (await realpath(c).then(() => true, () => false))) return c;
    return homedir();
  }

  const parentOf = (w: ShellWindow | null) => (w ? browserWindows.get(w.contentsId) : undefined);
  async function ask<A>(parent: ShellWindow | null, prompt: Prompt<A>): Promise<A> {
    const win = parentOf(parent);
    const { response } = win ? await dialog.showMessageBox(win, prompt.options) : await dialog.showMessageBox(prompt.options);
    return prompt.answer(response);
  }

  function saveWindowState(win: BrowserWindow): void {
    if (win.isDestroyed()) return;
    savedWindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    void desktop.writeWindowState(savedWindowState).catch((e: unknown) => log(`Could not remember the window's place: ${String(e)}`));
  }

  function focusedDocument(): DocumentWindow | null {
    const win = BrowserWindow.getFocusedWindow();
    return (win && documents.contextFor(win.webContents.id)) ?? null;
  }

  function openWindow(): ShellWindow {
    const from = BrowserWindow.getFocusedWindow();
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
    const place = placeWindow(savedWindowState, areas, from && !from.isDestroyed() ? from.getNormalBounds() : null);
    const win = new BrowserWindow(documentWindowOptions({
      preload: PRELOAD,
      placement: place.placement,
      devTools: !app.isPackaged,
      backgroundColor: nativeTheme.shouldUseDarkColors ? "#16181d" : "#f6f7f9",
      // Windows and macOS take the icon from the app bundle; Linux window managers need it given.
      ...(process.platform === "linux" || !app.isPackaged ? { icon: ICON } : {}),
    }));
    const contentsId = win.webContents.id;
    browserWindows.set(contentsId, win);
    const context = () => documents.contextFor(contentsId);

    win.once("ready-to-show", () => {
      if (place.maximized) win.maximize();
      if (place.fullScreen) win.setFullScreen(true);
      win.show();
    });
    // The title is main's: the document's name and its unsaved mark, not the page's <title>.
    win.on("page-title-updated", (event) => event.preventDefault());
    win.webContents.on("before-input-event", (event, input) => {
      const shortcut = shellShortcut(input, mac);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === "open") void documents.showOpenDialog(context() ?? null).catch(report);
      else void documents.newWindow().catch(report);
    });
    let stateTimer: ReturnType<typeof setTimeout> | undefined;
    const rememberSoon = () => {
      clearTimeout(stateTimer);
      stateTimer = setTimeout(() => saveWindowState(win), 500);
    };
    win.on("resize", rememberSoon);
    win.on("move", rememberSoon);
    win.on("close", (event) => {
      const ctx = context();
      if (!ctx || documents.mayClose(ctx)) {
        clearTimeout(stateTimer);
        saveWindowState(win);
        return;
      }
      event.preventDefault();
      void documents.confirmClose(ctx).then((outcome) => {
        if (outcome === "kept") quitRequested = false;
      }, report);
    });
    win.on("closed", () => {
      browserWindows.delete(contentsId);
      const ctx = context();
      if (ctx) void documents.closed(ctx).catch(report);
      // Quitting stopped at this window to ask; go on with the others.
      if (quitRequested) app.quit();
    });
    win.webContents.on("render-process-gone", (_event, details) => {
      if (details.reason === "clean-exit") return;
      void (async () => {
        const { response } = await dialog.showMessageBox(win, {
          type: "error",
          message: "This Layerloom window stopped working.",
          detail: `(${details.reason}) Changes are backed up within a second of each edit, so reloading brings them back.`,
          buttons: ["Reload", "Close Window"],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        });
        const ctx = context();
        if (response === 0) {
          const key = ctx?.backup?.key;
          if (key && ctx?.document.dirty) win.webContents.once("did-finish-load", () => ctx.window.send({ type: "restore-backup", key }));
          win.webContents.reload();
        } else {
          // Closed without asking (the page cannot save); a backup stays and is offered next start.
          win.destroy();
        }
      })().catch(report);
    });

    void win.loadURL(devServer ? process.env.ELECTRON_RENDERER_URL! : APP_ENTRY_URL).catch(report);
    return {
      contentsId,
      send: (event) => {
        if (!win.isDestroyed()) win.webContents.send(SHELL_EVENT_CHANNEL, SHELL_EVENT.parse(event));
      },
      showDocument: (state, file) => {
        if (win.isDestroyed()) return;
        win.setTitle(windowTitle(state, mac));
        if (mac) {
          win.setDocumentEdited(state.dirty);
          win.setRepresentedFilename(file ?? "");
        }
      },
      focus: () => {
        if (win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.focus();
      },
      close: () => {
        if (!win.isDestroyed()) win.close();
      },
    };
  }

  const documents = createDocuments({
    servicesFor,
    defaultFolder,
    openWindow,
    async chooseFilesToOpen(parent, folder) {
      const options = {
        title: "Open Graph",
        defaultPath: folder,
        properties: ["openFile", "multiSelections"] as Array<"openFile" | "multiSelections">,
        filters: [{ name: "Layerloom graphs", extensions: ["json"] }, { name: "All files", extensions: ["*"] }],
      };
      const win = parentOf(parent);
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(parent, defaultPath) {
      const options = {
        title: "Save Graph",
        defaultPath,
        filters: [{ name: "Layerloom graph", extensions: ["json"] }],
        properties: ["createDirectory", "showOverwriteConfirmation"] as Array<"createDirectory" | "showOverwriteConfirmation">,
      };
      const win = parentOf(parent);
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseExportPath(parent, defaultPath, extension) {
      const options = {
        title: "Save Export",
        defaultPath,
        filters: [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }, { name: "All files", extensions: ["*"] }],
        properties: ["createDirectory", "showOverwriteConfirmation"] as Array<"createDirectory" | "showOverwriteConfirmation">,
      };
      const win = parentOf(parent);
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    confirmReplace: (parent, path) => ask(parent, replacePrompt(path)),
    askSaveChanges: (parent, title) => ask(parent, saveChangesPrompt(title, mac)),
    showError(parent, message, detail) {
      const win = parentOf(parent);
      const options = { type: "error" as const, message, detail, buttons: ["OK"], noLink: true };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).catch(report);
    },
    async rememberRecent(path) {
      await desktop.addRecentDocument(path);
      app.addRecentDocument(path);
      await refreshMenu();
    },
    log,
  });

  function report(e: unknown): void {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (e instanceof HostError) dialog.showErrorBox("Layerloom", e.message);
  }

  async function refreshMenu(): Promise<void> {
    const recent = await desktop.recentDocuments();
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, recent, devTools: !app.isPackaged }, {
      newWindow: () => void documents.newWindow().catch(report),
      open: () => void documents.showOpenDialog(focusedDocument()).catch(report),
      openRecent: (path) => void documents.openFiles([path], focusedDocument()).catch(report),
      clearRecent: () => {
        app.clearRecentDocuments();
        void desktop.clearRecentDocuments().then(refreshMenu).catch(report);
      },
      command: (id) => {
        const ctx = focusedDocument() ?? documents.all()[0];
        if (ctx) documents.runCommand(ctx, id);
      },
      openExternal: (url) => {
        if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      },
    })));
  }

  async function offerRecovery(): Promise<void> {
    const recoverable = await desktop.recoverable();
    if (recoverable.length === 0) return;
    const answer = await ask(null, recoveryPrompt(recoverable));
    if (answer === "restore") await documents.restore(recoverable);
    if (answer === "discard") {
      for (const ws of recoverable) for (const b of ws.backups) await openHostState(ws.state).removeBackup(b.key);
    }
  }

  const router = createIpcRouter({
    handlers: documents.handlers,
    contextFor: (id) => documents.contextFor(id),
    isAppUrl: (url) => isAppUrl(url, devServer),
    log,
  });

  app.on("web-contents-created", (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log });
  });
  app.on("second-instance", (_event, argv, cwd) => {
    const { files } = parseLaunchArgs(argv, cwd, app.isPackaged ? 1 : 2);
    if (files.length > 0) void documents.openFiles(files, focusedDocument()).catch(report);
    else if (documents.all().length > 0) documents.all()[0]!.window.focus();
    else void documents.newWindow().catch(report);
  });
  // macOS: a file opened from the Finder or the Dock, possibly before the app is ready.
  app.on("open-file", (event, path) => {
    event.preventDefault();
    if (ready) void documents.openFiles([path], focusedDocument()).catch(report);
    else pendingFiles.push(path);
  });
  app.on("before-quit", () => {
    quitRequested = true;
  });
  app.on("window-all-closed", () => {
    if (!mac || quitRequested) app.quit();
  });
  app.on("activate", () => {
    if (ready && documents.all().length === 0) void documents.newWindow().catch(report);
  });

  void app.whenReady().then(async () => {
    if (process.platform === "win32") app.setAppUserModelId("org.layerloom.app");
    guardSession(session.defaultSession);
    let files;
    try {
      files = await loadStaticFiles(RENDERER);
    } catch (e) {
      dialog.showErrorBox("Layerloom cannot start", e instanceof Error ? e.message : String(e));
      app.exit(1);
      return;
    }
    protocol.handle(APP_SCHEME, async (request) => {
      const answer = appResponse(files, request.url, request.method);
      const body = answer.file && request.method !== "HEAD" ? await readFile(answer.file) : (answer.text ?? null);
      return new Response(body, { status: answer.status, headers: answer.headers });
    });
    router.install(ipcMain);
    savedWindowState = parseWindowState(await desktop.readWindowState());
    await refreshMenu();
    await offerRecovery();
    ready = true;
    await documents.openFiles(pendingFiles.splice(0));
    if (documents.all().length === 0) await documents.newWindow();
  }).catch((e: unknown) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    dialog.showErrorBox("Layerloom cannot start", e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}
