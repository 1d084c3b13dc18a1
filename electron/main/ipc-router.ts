/**
 * Main's side of the contract: one IPC handler per method, and the checks every request passes
 * before a handler sees it. The sender must be the top frame of one of the app's own windows,
 * showing the app's own page; the arguments must fit the method's zod schema; any other channel
 * is refused. Answers are BridgeResult values, never thrown errors (see renderer/platform/bridge.ts).
 */
import type { z } from "zod";
import type { BridgeResult, InvokeApi, InvokeMethod } from "../../renderer/platform/bridge.js";
import { HostError } from "../host/errors.js";
import { INVOKE_METHODS, channelOf, methodOf, type InvokeChannel } from "../contract/methods.js";
import { ARGUMENTS, ARGUMENT_NAMES } from "../contract/schemas.js";

/** What a handler gets besides the arguments: the window the request came from. */
export type Handlers<C> = {
  readonly [K in InvokeMethod]: (context: C, ...args: Parameters<InvokeApi[K]>) => Promise<Awaited<ReturnType<InvokeApi[K]>>>;
};

/** The fields of Electron's IpcMainInvokeEvent the checks read. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: any, ...args: any[]) => Promise<unknown>): void;
}

export interface IpcRouterOptions<C> {
  readonly handlers: Handlers<C>;
  /** The app window whose web contents has this id, if any. */
  readonly contextFor: (webContentsId: number) => C | undefined;
  /** Whether a frame URL is the app's own page. */
  readonly isAppUrl: (url: string) => boolean;
  readonly log: (message: string) => void;
}

export interface IpcRouter {
  readonly channels: readonly InvokeChannel[];
  handle(channel: string, event: InvokeEventLike, args: readonly unknown[]): Promise<BridgeResult<unknown>>;
  /** Registers exactly the contract's channels on ipcMain. */
  install(ipcMain: IpcMainLike): void;
}

const refuse = (code: HostError["code"], message: string): BridgeResult<never> => ({ ok: false, error: { code, message } });

export function createIpcRouter<C>(options: IpcRouterOptions<C>): IpcRouter {
  const channels = INVOKE_METHODS.map(channelOf);

  /** Why this sender may not call main, or null when it may. */
  function untrusted(event: InvokeEventLike): string | null {
    const frame = event.senderFrame;
    if (!frame) return "its page has gone away";
    if (frame.parent !== null) return "it came from a frame inside the page, not the page itself";
    if (!options.isAppUrl(frame.url)) return `it came from ${frame.url}, not from Layerloom's own page`;
    return null;
  }

  async function handle(channel: string, event: InvokeEventLike, args: readonly unknown[]): Promise<BridgeResult<unknown>> {
    const method = methodOf(channel);
    if (!method) {
      options.log(`Refused an IPC request on unknown channel ${JSON.stringify(channel)}.`);
      return refuse("bad-request", `There is no Layerloom request called ${JSON.stringify(channel)}. The window and the app may be from different versions: restart Layerloom.`);
    }
    const why = untrusted(event);
    const context = why === null ? options.contextFor(event.sender.id) : undefined;
    if (why !== null || context === undefined) {
      const reason = why ?? "it did not come from a Layerloom window";
      options.log(`Refused ${method}: ${reason}.`);
      return refuse("forbidden", `Layerloom refused "${method}": ${reason}.`);
    }
    const parsed = (ARGUMENTS[method] as z.ZodType).safeParse(args);
    if (!parsed.success) return refuse("bad-request", describeIssue(method, parsed.error.issues[0], args.length));
    try {
      const handler = options.handlers[method] as (context: C, ...a: unknown[]) => Promise<unknown>;
      return { ok: true, value: await handler(context, ...(parsed.data as unknown[])) };
    } catch (e) {
      if (e instanceof HostError) return refuse(e.code, e.message);
      options.log(`${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return refuse("unavailable", `Layerloom could not complete "${method}" because of an internal error; details are in the app's log.`);
    }
  }

  return {
    channels,
    handle,
    install(ipcMain) {
      for (const channel of channels) ipcMain.handle(channel, (event: InvokeEventLike, ...args: unknown[]) => handle(channel, event, args));
    },
  };
}

/**
 * A refusal in plain words: '"writeFile" was called with a wrong options.ifVersion: Invalid
 * input: expected string, received number.' or '"writeBackup" takes key, text, but was called
 * with 1 argument.'
 */
function describeIssue(method: InvokeMethod, issue: z.core.$ZodIssue | undefined, given: number): string {
  const names = ARGUMENT_NAMES[method];
  if (!issue || issue.path.length === 0) {
    const takes = names.length === 0 ? "takes no arguments" : `takes ${names.join(", ")}`;
    return `"${method}" ${takes}, but was called with ${given} argument${given === 1 ? "" : "s"}.`;
  }
  const [position, ...rest] = issue.path;
  const name = typeof position === "number" ? (names[position] ?? `argument ${position + 1}`) : String(position);
  return `"${method}" was called with a wrong ${[name, ...rest.map(String)].join(".")}: ${issue.message}.`;
}
