/**
 * Opens the workspace file named in the address (`?open=nets/lenet.json`) once at start, through
 * the same loader as File › Open. Scripts use it (the e2e tests and the canvas benchmark put a
 * graph in the workspace and open the app at it), and so can a person sharing a link to a file
 * in their own workspace. The parameter is then taken out of the address, so a reload does not
 * reopen the file over unsaved edits.
 */
import { useEffect } from "react";
import { openWorkspaceFile } from "../commands/file-commands.js";
import { useCommands } from "../commands/use-commands.js";

export const OPEN_PARAM = "open";

/** The workspace path asked for in a location's query, if any. */
export function pathFromAddress(search: string): string | undefined {
  const path = new URLSearchParams(search).get(OPEN_PARAM)?.trim();
  return path ? path : undefined;
}

/** The address without the open parameter. */
export function addressWithoutOpen(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(OPEN_PARAM);
  return url.pathname + url.search + url.hash;
}

export function useOpenFromAddress(): void {
  const { ctx } = useCommands();
  useEffect(() => {
    const path = pathFromAddress(window.location.search);
    if (!path) return;
    window.history.replaceState(window.history.state, "", addressWithoutOpen(window.location.href));
    openWorkspaceFile(ctx, path).catch((e: unknown) => ctx.notify(`${path} cannot be opened: ${e instanceof Error ? e.message : String(e)}`));
  }, [ctx]);
}
