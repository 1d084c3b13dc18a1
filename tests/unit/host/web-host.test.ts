import { request } from "node:http";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHostServices } from "../../../electron/host/services.js";
import { startWebHost, TOKEN_HEADER, type WebHost } from "../../../electron/host/web-host.js";
import { createWebPlatform } from "../../../renderer/platform/web.js";
import { isPlatformError } from "../../../renderer/platform/platform.js";
import { platformContract } from "../../support/platform-contract.js";
import { tempDir } from "./temp.js";

const running: WebHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

/** A web host over a fresh workspace and a tiny stand-in build folder. */
async function start(extra: { templates?: string } = {}) {
  const root = await tempDir();
  const workspace = join(root, "ws");
  const build = join(root, "build");
  await mkdir(workspace);
  await mkdir(join(build, "assets"), { recursive: true });
  await writeFile(join(build, "index.html"), "<!doctype html><title>Layerloom</title>");
  await writeFile(join(build, "assets/app-1234.js"), "console.log(1)");
  await writeFile(join(root, "outside.json"), "secret");
  const services = await createHostServices({ workspace, templates: extra.templates ?? join(root, "no-templates") });
  const host = await startWebHost({ services, staticDir: build, port: 0, log: () => undefined });
  running.push(host);
  const origin = `http://127.0.0.1:${host.port}`;
  return { host, origin, root, workspace };
}

/** A raw request, for what fetch will not send (a foreign Host header, an unnormalised path). */
function raw(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

platformContract("web platform over the web host", async () => {
  const { host, origin, workspace } = await start();
  return {
    platform: createWebPlatform({ origin, token: host.token }),
    seed: (path, text) => writeFile(join(workspace, path), text),
    remove: (path) => rm(join(workspace, path)),
  };
});

describe("web host", () => {
  it("prints an address on 127.0.0.1 that carries a long random token", async () => {
    const a = (await start()).host;
    const b = (await start()).host;
    expect(a.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${a.port}/\\?token=[\\w-]{32}$`));
    expect(a.token).not.toBe(b.token);
  });

  it("answers API requests only with the token, in a header or the query", async () => {
    const { host, origin } = await start();
    const denied = await fetch(`${origin}/api/files`);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "forbidden",
      message: "Missing or wrong Layerloom token. Open the address printed by `layerloom serve`, which includes it.",
    });
    expect((await fetch(`${origin}/api/files`, { headers: { [TOKEN_HEADER]: "wrong" } })).status).toBe(403);
    expect((await fetch(`${origin}/api/files?token=${host.token}x`)).status).toBe(403);
    expect((await fetch(`${origin}/api/files`, { method: "PUT" })).status).toBe(403);
    expect((await fetch(`${origin}/api/files`, { headers: { [TOKEN_HEADER]: host.token } })).status).toBe(200);
    expect((await fetch(`${origin}/api/files?token=${host.token}`)).status).toBe(200);
  });

  it("tells the web platform client it was refused, with the host's words", async () => {
    const { origin } = await start();
    const e = await createWebPlatform({ origin, token: "nope" }).listFiles().catch((x: unknown) => x);
    expect(isPlatformError(e, "forbidden")).toBe(true);
  });

  it("refuses a Host header other than its own (DNS rebinding), even with the token", async () => {
    const { host } = await start();
    const r = await raw(host.port, `/api/files?token=${host.token}`, { Host: `evil.example:${host.port}` });
    expect(r.status).toBe(403);
    expect((await raw(host.port, `/api/files?token=${host.token}`, { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it("serves only the files of the build, without the token, with a strict CSP on the page", async () => {
    const { host, origin } = await start();
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const asset = await fetch(`${origin}/assets/app-1234.js`);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/../outside.json", "/%2e%2e/outside.json", "/assets/../../outside.json", "/..%2foutside.json", "/ws"]) {
      const r = await raw(host.port, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain("secret");
    }
  });

  it("refuses traversal through the API and writes nothing outside the workspace", async () => {
    const { host, origin, root, workspace } = await start();
    const put = await fetch(`${origin}/api/file?path=${encodeURIComponent("../outside.json")}`, {
      method: "PUT",
      headers: { [TOKEN_HEADER]: host.token, "Content-Type": "application/json" },
      body: JSON.stringify({ text: "pwned" }),
    });
    expect(put.status).toBe(400);
    expect(((await put.json()) as { error: { code: string } }).error.code).toBe("invalid-path");
    const get = await fetch(`${origin}/api/file?path=${encodeURIComponent("/etc/passwd")}`, { headers: { [TOKEN_HEADER]: host.token } });
    expect(get.status).toBe(400);
    expect((await readdir(root)).sort()).toEqual(["build", "outside.json", "ws"]);
    expect(await readdir(workspace)).toEqual([]);
  });

  it("answers 200 with null, not 404, for a file or backup whose absence is normal", async () => {
    const { host, origin, workspace } = await start();
    const get = async (route: string) => {
      const r = await fetch(`${origin}${route}`, { headers: { [TOKEN_HEADER]: host.token } });
      return { status: r.status, body: (await r.json()) as unknown };
    };
    expect(await get("/api/file-if-exists?path=g.runs.json")).toEqual({ status: 200, body: null });
    expect(await get("/api/backup?key=g.json")).toEqual({ status: 200, body: null });
    await writeFile(join(workspace, "g.runs.json"), "{}");
    expect(await get("/api/file-if-exists?path=g.runs.json")).toMatchObject({ status: 200, body: { path: "g.runs.json", text: "{}" } });
    // Only absence becomes null: a name outside the workspace is still refused, and plain reads still 404.
    expect(await get(`/api/file-if-exists?path=${encodeURIComponent("../outside.json")}`)).toMatchObject({ status: 400, body: { error: { code: "invalid-path" } } });
    expect((await get("/api/file?path=none.json")).status).toBe(404);
    expect((await get("/api/file-if-exists")).body).toEqual({ error: { code: "bad-request", message: "GET /api/file-if-exists needs ?path=." } });
  });

  it("checks request bodies and says what is wrong", async () => {
    const { host, origin } = await start();
    const headers = { [TOKEN_HEADER]: host.token, "Content-Type": "application/json" };
    const notJson = await fetch(`${origin}/api/file?path=a.json`, { method: "PUT", headers, body: "{oops" });
    expect(notJson.status).toBe(400);
    const wrongShape = await fetch(`${origin}/api/file?path=a.json`, { method: "PUT", headers, body: JSON.stringify({ text: 5 }) });
    expect(((await wrongShape.json()) as { error: { message: string } }).error.message).toMatch(/^PUT \/api\/file: text: /);
    const noPath = await fetch(`${origin}/api/file`, { headers });
    expect(((await noPath.json()) as { error: { message: string } }).error.message).toBe("GET /api/file needs ?path=.");
    expect((await fetch(`${origin}/api/nothing`, { headers })).status).toBe(404);
  });

  it("lists templates: folders holding a Layerloom graph, named by the graph", async () => {
    const templates = join(await tempDir(), "templates");
    await mkdir(join(templates, "lenet"), { recursive: true });
    await mkdir(join(templates, "empty"), { recursive: true });
    await mkdir(join(templates, "notes"), { recursive: true });
    const graph = JSON.stringify({ format: "layerloom-graph", version: 1, name: "LeNet-5", description: "The classic." });
    await writeFile(join(templates, "lenet/graph.json"), graph);
    await writeFile(join(templates, "notes/data.json"), '{"format":"other"}');
    const { host, origin } = await start({ templates });
    const platform = createWebPlatform({ origin, token: host.token });
    expect(await platform.listTemplates()).toEqual([
      { id: "lenet", name: "LeNet-5", description: "The classic.", configurations: [{ id: "default", title: "LeNet-5", description: "The classic." }], defaultConfiguration: "default" },
    ]);
    expect(await platform.readTemplate("lenet")).toBe(graph);
    expect(isPlatformError(await platform.readTemplate("notes").catch((x: unknown) => x), "not-found")).toBe(true);
    expect(isPlatformError(await platform.readTemplate("../ws").catch((x: unknown) => x), "bad-request")).toBe(true);
  });

  it("serves a template's notebook read-only, null when it has none, refusing names that are not templates", async () => {
    const templates = join(await tempDir(), "templates");
    await mkdir(join(templates, "lenet"), { recursive: true });
    await mkdir(join(templates, "plain"), { recursive: true });
    const graph = JSON.stringify({ format: "layerloom-graph", version: 1, name: "LeNet-5" });
    const notebook = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] });
    await writeFile(join(templates, "lenet/graph.json"), graph);
    await writeFile(join(templates, "lenet/notebook.ipynb"), notebook);
    await writeFile(join(templates, "plain/graph.json"), graph);
    const { host, origin } = await start({ templates });
    const platform = createWebPlatform({ origin, token: host.token });
    expect(await platform.readTemplateNotebook("lenet")).toBe(notebook);
    expect(await platform.readTemplateNotebook("plain")).toBeNull();
    expect(isPlatformError(await platform.readTemplateNotebook("missing").catch((x: unknown) => x), "not-found")).toBe(true);
    expect(isPlatformError(await platform.readTemplateNotebook("../ws").catch((x: unknown) => x), "bad-request")).toBe(true);
  });

  it("keeps its state in a hidden folder that workspace paths cannot name", async () => {
    const { host, origin, workspace } = await start();
    const platform = createWebPlatform({ origin, token: host.token });
    await platform.writeBackup("untitled", "draft");
    expect(await readdir(workspace)).toEqual([".layerloom"]);
    expect(await platform.listFiles()).toEqual([]);
    expect(isPlatformError(await platform.readFile(".layerloom/recent.json").catch((x: unknown) => x), "invalid-path")).toBe(true);
  });

  it("says the app is not built when the build folder has no index.html", async () => {
    const root = await tempDir();
    const services = await createHostServices({ workspace: root, templates: root });
    await expect(startWebHost({ services, staticDir: join(root, "none") })).rejects.toThrow(/not been built yet.*npm run build/);
  });
});
