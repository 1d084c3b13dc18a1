/**
 * Puts a graph file in the test host's workspace and opens the app at it (the app reads
 * `?open=` once at start, through the same loader as File › Open), then waits until the canvas
 * has drawn every node.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import type { RunningHost } from "./web-host.js";

export async function putInWorkspace(host: RunningHost, path: string, text: string): Promise<void> {
  const file = join(host.workspace, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** The address that opens `path` from the workspace. */
export function openUrl(host: RunningHost, path: string): string {
  return `${host.url}&open=${encodeURIComponent(path)}`;
}

export async function openGraph(page: Page, host: RunningHost, path: string, nodeCount: number, timeout = 60_000): Promise<void> {
  await page.goto(openUrl(host, path));
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node").length >= n, nodeCount, { timeout });
}
