/**
 * The window's security settings and the guards every web contents gets: Electron's security
 * checklist (docs/tutorial/security.md) as code. tests/unit/electron/security-checklist.test.ts
 * reads these and fails when an item is off.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from "electron";
import { isAllowedExternalUrl } from "./external-links.js";

export function secureWebPreferences(preload: string, options: { readonly devTools: boolean }): WebPreferences {
  return {
    preload,
    // The page is untrusted as far as main is concerned: no Node, its own JS world, a sandbox.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    plugins: false,
    enableWebSQL: false,
    // A graph file dropped on the window must not replace the app with the file's text.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export const MIN_WINDOW = { width: 800, height: 560 } as const;

export function documentWindowOptions(o: {
  readonly preload: string;
  readonly placement: WindowPlacement;
  readonly devTools: boolean;
  readonly backgroundColor: string;
  readonly icon?: string;
}): BrowserWindowConstructorOptions {
  return {
    ...o.placement,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    // Shown once the first frame is ready, so there is no white flash.
    show: false,
    backgroundColor: o.backgroundColor,
    title: "Layerloom",
    ...(o.icon === undefined ? {} : { icon: o.icon }),
    webPreferences: secureWebPreferences(o.preload, { devTools: o.devTools }),
  };
}

/** The part of WebContents the guards use (a fake in tests). */
export interface GuardedContents {
  on(event: string, listener: (...args: any[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" } | { action: "allow" }): void;
}

interface PreventableEvent {
  preventDefault(): void;
}

/**
 * No navigation away from the app's page, no new windows, no <webview>. A link to a known
 * documentation site opens in the system browser instead; every other request is dropped and
 * logged.
 */
export function guardWebContents(contents: GuardedContents, deps: { readonly openExternal: (url: string) => void; readonly log: (message: string) => void }): void {
  const refuse = (what: string) => (event: PreventableEvent, url?: unknown) => {
    event.preventDefault();
    const target = typeof url === "string" ? url : (event as { url?: unknown }).url;
    deps.log(`Layerloom refused ${what}${typeof target === "string" ? ` to ${target}` : ""}.`);
  };
  contents.on("will-navigate", refuse("a navigation"));
  contents.on("will-frame-navigate", refuse("a frame navigation"));
  contents.on("will-redirect", refuse("a redirect"));
  contents.on("will-attach-webview", refuse("a <webview>"));
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) deps.openExternal(url);
    else deps.log(`Layerloom refused to open a window for ${url}.`);
    return { action: "deny" };
  });
}

/** Every permission (camera, notifications, clipboard reads, geolocation, ...) is refused. */
export const denyPermissionRequest = (_contents: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false);
export const denyPermissionCheck = (): boolean => false;

export interface GuardedSession {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  on(event: "will-download", listener: (event: PreventableEvent) => void): unknown;
}

export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler?.(() => false);
  // The app writes files through the host services only, never through a browser download.
  session.on("will-download", (event) => event.preventDefault());
}
