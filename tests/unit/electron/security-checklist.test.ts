/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * item by item, against the window options, the CSP, the guards, the app protocol, the
 * packaging config and main's wiring. Turning any item off makes this file fail.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../electron/host/content-policy.js";
import { loadStaticFiles } from "../../../electron/host/static-files.js";
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, appResponse, isAppUrl } from "../../../electron/main/app-protocol.js";
import { EXTERNAL_HOSTS, isAllowedExternalUrl } from "../../../electron/main/external-links.js";
import { denyPermissionCheck, denyPermissionRequest, documentWindowOptions, guardSession, guardWebContents } from "../../../electron/main/security.js";
import { tempDir } from "../host/temp.js";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

const options = documentWindowOptions({ preload: "/app/dist/electron/preload/index.cjs", placement: { width: 1200, height: 800 }, devTools: false, backgroundColor: "#000" });
const prefs = options.webPreferences!;

/** The CSP as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources];
  }));
}

describe("Electron security checklist: the window", () => {
  it("2. no Node.js integration, in the page, its workers or its frames", () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it("3. context isolation", () => expect(prefs.contextIsolation).toBe(true));
  it("4. process sandboxing (and main calls app.enableSandbox for every renderer)", async () => {
    expect(prefs.sandbox).toBe(true);
    expect(await mainSource()).toMatch(/app\.enableSandbox\(\)/);
  });
  it("6. webSecurity is not disabled", () => expect(prefs.webSecurity).toBe(true));
  it("8. no insecure content", () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it("9. no experimental features", () => expect(prefs.experimentalFeatures).toBe(false));
  it("10. no enableBlinkFeatures", () => expect(prefs.enableBlinkFeatures).toBeUndefined());
  it("11, 12. no <webview> at all", () => expect(prefs.webviewTag).toBe(false));
  it("the preload is the only bridge, and dropped files do not navigate", () => {
    expect(prefs.preload).toMatch(/preload\/index\.cjs$/);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(Object.keys(prefs).sort()).toEqual([
      "allowRunningInsecureContent", "contextIsolation", "devTools", "enableWebSQL", "experimentalFeatures", "navigateOnDragDrop",
      "nodeIntegration", "nodeIntegrationInSubFrames", "nodeIntegrationInWorker", "plugins", "preload", "safeDialogs", "sandbox",
      "spellcheck", "webSecurity", "webviewTag",
    ]);
  });
});

describe("Electron security checklist: content", () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("7. a strict Content-Security-Policy: only the app's own scripts, no inline script, no eval", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("*");
      expect(sources.some((s) => /^(https?:|http:|ws:|wss:)/.test(s)), `${name} names a remote origin`).toBe(false);
    }
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("1, 18. the app loads its own files over app://, never file:// or the network; HTML carries the CSP", async () => {
    expect(APP_ENTRY_URL).toBe("app://layerloom/index.html");
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    const dir = await tempDir();
    await writeFile(join(dir, "index.html"), "<!doctype html>");
    const files = await loadStaticFiles(dir);
    const page = appResponse(files, "app://layerloom/index.html");
    expect(page).toMatchObject({ status: 200, file: join(dir, "index.html"), headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" } });
    for (const url of ["app://layerloom/../../etc/passwd", "app://layerloom/%2e%2e/%2e%2e/etc/passwd", "app://layerloom//etc/passwd", "app://other/index.html", "file:///etc/passwd"]) {
      expect(appResponse(files, url).status, url).toBe(404);
      expect(appResponse(files, url).file, url).toBeUndefined();
    }
    expect(appResponse(files, APP_ENTRY_URL, "POST").status).toBe(405);
    expect(await mainSource()).not.toMatch(/loadFile\(|file:\/\//);
  });

  it("only the app's page counts as the app", () => {
    expect(isAppUrl("app://layerloom/index.html")).toBe(true);
    for (const url of ["app://layerloom.evil/", "https://layerloom/", "file:///app/index.html", "http://localhost:5173/", "not a url"]) expect(isAppUrl(url), url).toBe(false);
    expect(isAppUrl("http://localhost:5173/", "http://localhost:5173")).toBe(true);
  });
});

describe("Electron security checklist: navigation, windows, permissions", () => {
  function fakeContents() {
    const listeners = new Map<string, (...args: any[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    const log: string[] = [];
    guardWebContents(
      { on: (event, listener) => void listeners.set(event, listener), setWindowOpenHandler: (h) => void (openHandler = h) },
      { openExternal: (url) => void opened.push(url), log: (m) => void log.push(m) },
    );
    const fire = (name: string, url: string) => {
      let prevented = false;
      const event = { url, preventDefault: () => void (prevented = true) };
      listeners.get(name)!(event, url);
      return prevented;
    };
    return { listeners, open: (url: string) => openHandler!({ url }), opened, fire, log };
  }

  it("13. every navigation, frame navigation, redirect and <webview> is refused", () => {
    const c = fakeContents();
    for (const event of ["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"]) {
      expect(c.listeners.has(event), event).toBe(true);
      expect(c.fire(event, "https://evil.example/"), event).toBe(true);
    }
    expect(c.log).toHaveLength(4);
  });

  it("14, 15. new windows are denied; only https links to known docs go to the system browser", () => {
    const c = fakeContents();
    const tries = ["https://keras.io/api/layers/", "http://keras.io/", "https://keras.io.evil.example/", "https://user:pw@github.com/", "https://github.com:8443/", "file:///etc/passwd", "javascript:alert(1)", "smb://share/x", "https://evil.example/"];
    for (const url of tries) expect(c.open(url), url).toEqual({ action: "deny" });
    expect(c.opened).toEqual(["https://keras.io/api/layers/"]);
    expect(EXTERNAL_HOSTS.every((h) => isAllowedExternalUrl(`https://${h}/`))).toBe(true);
  });

  it("5. every permission request and check is denied; downloads are cancelled", () => {
    let request: typeof denyPermissionRequest | undefined;
    let check: typeof denyPermissionCheck | undefined;
    let device: (() => boolean) | undefined;
    let download: ((e: { preventDefault(): void }) => void) | undefined;
    guardSession({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h), setDevicePermissionHandler: (h) => void (device = h), on: (_e, l) => void (download = l) });
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal", "fullscreen"]) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => void (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
    let cancelled = false;
    download!({ preventDefault: () => void (cancelled = true) });
    expect(cancelled).toBe(true);
  });

  it("17, 20. main installs the guards on every web contents and the session, and validates IPC senders", async () => {
    const source = await mainSource();
    expect(source).toMatch(/app\.on\("web-contents-created",[^]*guardWebContents\(contents/);
    expect(source).toMatch(/guardSession\(session\.defaultSession\)/);
    expect(source).toMatch(/createIpcRouter\(/);
    expect(source).toMatch(/router\.install\(ipcMain\)/);
    // No other IPC listener may bypass the router.
    expect(source.match(/ipcMain\.(on|handle|once)\(/g) ?? []).toEqual([]);
    expect(await readFile(new URL("../../../electron/preload/index.ts", import.meta.url), "utf8")).toMatch(/exposeInMainWorld\("layerloom", createBridge\(ipcRenderer\)\)/);
  });
});

describe("Electron security checklist: packaging", () => {
  async function builderConfig(): Promise<Record<string, any>> {
    // electron-builder's own loader and schema check, so the file is valid for the tool itself.
    const require = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = require("app-builder-lib/out/util/config/config");
    const { DebugLogger } = require("builder-util");
    const config = await getConfig(process.cwd(), "electron-builder.yml", null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  }

  it("19. fuses: RunAsNode, NODE_OPTIONS and --inspect off; only app.asar, with integrity checked", async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("targets each OS, with an app id, icons, a file association, and no node_modules in the app", async () => {
    const config = await builderConfig();
    expect(config.appId).toBe("org.layerloom.app");
    expect(config.win.target).toEqual([{ target: "nsis", arch: ["x64", "arm64"] }]);
    expect(config.mac.target).toEqual([{ target: "dmg", arch: ["universal"] }]);
    expect(config.linux.target).toEqual(["AppImage", "deb"]);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: "json", name: "Layerloom Graph", rank: "Alternate" })]);
    // The staged app folder holds only the bundles (scripts/dist.mjs), so no dependency ships.
    expect(config.directories.app).toBe("dist/app");
    const icon = PNG.sync.read(await readFile(new URL(`../../../${config.directories.buildResources}/icon.png`, import.meta.url)));
    expect(icon.width).toBe(1024);
    expect(icon.height).toBe(1024);
  });

  it("16. a current Electron, pinned exactly", async () => {
    const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    // Raise this floor with every Electron upgrade; older majors no longer get security fixes.
    expect(Number(pkg.devDependencies.electron.split(".")[0])).toBeGreaterThanOrEqual(45);
  });
});

function mainSource(): Promise<string> {
  return readFile(new URL("../../../electron/main/index.ts", import.meta.url), "utf8");
}
