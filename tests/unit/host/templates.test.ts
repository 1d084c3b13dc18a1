/**
 * The template gallery's host side: each templates/<id>/ folder is listed with the
 * configurations its template.json names (or its one graph file), and each configuration reads
 * back as that file's text, over the host services and the web API alike.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { handleApi } from "../../../electron/host/web-api.js";
import { createHostServices } from "../../../electron/host/services.js";
import { openTemplates } from "../../../electron/host/templates.js";
import { HostError } from "../../../electron/host/errors.js";
import { loadMeta, TEMPLATES_DIR, templateIds } from "../templates/support.js";
import { tempDir } from "./temp.js";

const SHIPPED = TEMPLATES_DIR.pathname;
const graph = (name: string) => JSON.stringify({ format: "layerloom-graph", version: 1, name });

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e;
}

async function folder(files: Record<string, string>): Promise<string> {
  const root = await tempDir();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe("the shipped templates", () => {
  it("lists every folder with its title, summary and configurations, default first-class", async () => {
    const listed = await openTemplates(SHIPPED).list();
    expect(listed.map((t) => t.id)).toEqual(templateIds());
    for (const t of listed) {
      const meta = loadMeta(t.id);
      expect(t).toEqual({
        id: meta.id,
        name: meta.title,
        description: meta.summary,
        defaultConfiguration: meta.defaultConfiguration,
        configurations: meta.configurations.map((c) => ({ id: c.id, title: c.title, description: c.summary })),
      });
    }
  });

  it("reads each configuration's own file, and the default one when none is named", async () => {
    const templates = openTemplates(SHIPPED);
    for (const id of templateIds()) {
      const meta = loadMeta(id);
      for (const c of meta.configurations) {
        expect(await templates.read(id, c.id), `${id}/${c.id}`).toBe(await readFile(join(SHIPPED, id, c.file), "utf8"));
      }
      const fallback = meta.configurations.find((c) => c.id === meta.defaultConfiguration)!;
      expect(await templates.read(id)).toBe(await readFile(join(SHIPPED, id, fallback.file), "utf8"));
    }
  });
});

describe("template folders", () => {
  const meta = (extra: object) =>
    JSON.stringify({ title: "Net", summary: "A net.", configurations: [{ id: "full", file: "full.json", title: "Full" }, { id: "mini", file: "mini.json", title: "Mini", summary: "Small." }], ...extra });

  it("takes the default configuration from template.json, else its first", async () => {
    const root = await folder({
      "a/template.json": meta({ defaultConfiguration: "mini" }), "a/full.json": graph("A"), "a/mini.json": graph("A mini"),
      "b/template.json": meta({}), "b/full.json": graph("B"), "b/mini.json": graph("B mini"),
    });
    const templates = openTemplates(root);
    const [a, b] = await templates.list();
    expect(a).toEqual({
      id: "a", name: "Net", description: "A net.", defaultConfiguration: "mini",
      configurations: [{ id: "full", title: "Full" }, { id: "mini", title: "Mini", description: "Small." }],
    });
    expect(b!.defaultConfiguration).toBe("full");
    expect(await templates.read("a")).toBe(graph("A mini"));
    expect(await templates.read("b")).toBe(graph("B"));
    expect(await templates.read("b", "mini")).toBe(graph("B mini"));
  });

  it("offers a folder without template.json as one configuration: its first graph file", async () => {
    const root = await folder({ "solo/notes.json": '{"format":"other"}', "solo/z.json": graph("Later"), "solo/net.json": JSON.stringify({ format: "layerloom-graph", version: 1, name: "Solo", description: "Alone." }) });
    const templates = openTemplates(root);
    expect(await templates.list()).toEqual([
      { id: "solo", name: "Solo", description: "Alone.", configurations: [{ id: "default", title: "Solo", description: "Alone." }], defaultConfiguration: "default" },
    ]);
    expect(JSON.parse(await templates.read("solo", "default")).name).toBe("Solo");
  });

  it("leaves out folders whose template.json is broken, names a file outside, or has no graph", async () => {
    const root = await folder({
      "broken/template.json": "{nope", "broken/full.json": graph("X"),
      "escape/template.json": JSON.stringify({ title: "E", configurations: [{ id: "full", file: "../secret.json", title: "Full" }] }),
      "twice/template.json": JSON.stringify({ title: "T", configurations: [{ id: "full", file: "a.json", title: "A" }, { id: "full", file: "b.json", title: "B" }] }),
      "wrongdefault/template.json": meta({ defaultConfiguration: "huge" }),
      "empty/readme.txt": "hi",
      "ok/template.json": meta({}), "ok/full.json": graph("OK"), "ok/mini.json": graph("OK mini"),
    });
    expect((await openTemplates(root).list()).map((t) => t.id)).toEqual(["ok"]);
  });

  it("says which configurations exist when asked for another, and refuses odd names", async () => {
    const root = await folder({ "ok/template.json": meta({}), "ok/full.json": graph("OK"), "gone/template.json": meta({}), "gone/full.json": "not json" });
    const templates = openTemplates(root);
    const missing = await failure(templates.read("ok", "huge"));
    expect(missing.code).toBe("not-found");
    expect(missing.message).toBe('The template "Net" has no configuration "huge"; it has "full", "mini".');
    // Listed in template.json but absent or not a graph: not-found, saying which file.
    expect((await failure(templates.read("ok", "mini"))).message).toMatch(/lists mini\.json for "mini", but that is not a Layerloom graph file/);
    expect((await failure(templates.read("gone"))).code).toBe("not-found");
    expect((await failure(templates.read("../ok"))).code).toBe("bad-request");
    expect((await failure(templates.read("ok", "../full"))).code).toBe("bad-request");
    expect((await failure(templates.read("nothing"))).code).toBe("not-found");
  });

  it("serves configurations through the web API's ?configuration=", async () => {
    const root = await folder({ "ok/template.json": meta({}), "ok/full.json": graph("OK"), "ok/mini.json": graph("OK mini") });
    const services = await createHostServices({ workspace: await tempDir(), templates: root });
    const get = (query: string) => handleApi(services, "GET", new URL(`http://127.0.0.1/api/template?${query}`), undefined);
    expect(await get("id=ok")).toEqual({ id: "ok", text: graph("OK") });
    expect(await get("id=ok&configuration=mini")).toEqual({ id: "ok", text: graph("OK mini") });
  });
});
