/**
 * `layerloom check FILE [--json]`: load a graph file, analyse it, and print every node's output
 * shape and param count, the totals and the problems. Exit 0 valid, 1 graph errors, 2 unreadable.
 */
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { LIMITS } from "../../graph-ir/core/schema.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis, PassDiagnostic } from "../../graph-ir/passes/types.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import { formatCount, formatTable } from "../format/table.js";
import type { Io } from "../io.js";

const EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_UNREADABLE = 2;

/** Reads a graph file with a size check first, so a huge file is refused before it is loaded. */
export async function readGraphText(path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${path} is not a file.` };
    if (info.size > LIMITS.fileChars) {
      return { ok: false, message: `${path} is ${(info.size / 2 ** 20).toFixed(0)} MB; graph files are at most ${LIMITS.fileChars / 2 ** 20} MB. Is this really a Layerloom graph?` };
    }
    return { ok: true, text: await readFile(path, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return { ok: false, message: `Cannot read ${path}: ${why}.` };
  }
}

function describeDiagnostic(d: PassDiagnostic): string {
  const where = [d.nodeId, d.inner?.length ? `(inside: ${d.inner.join(" › ")})` : undefined, d.param ? `param ${d.param}` : d.port ? `port ${d.port}` : undefined, d.network ? `network ${d.network}` : undefined]
    .filter(Boolean)
    .join(" ");
  const fixes = d.fixes?.length ? `\n      fix: ${d.fixes.map((f) => f.label).join(" | ")}` : "";
  return `  ${d.severity.padEnd(7)} ${d.code}  ${where ? where + ": " : ""}${d.message}${fixes}`;
}

function outputsText(a: Analysis, id: string): string {
  const n = a.nodes.get(id);
  if (!n) return "";
  const entries = Object.entries(n.outputs);
  if (entries.length === 0) return "?";
  if (entries.length === 1) return formatShape(entries[0]![1]);
  return entries.map(([port, s]) => `${port}: ${formatShape(s)}`).join(", ");
}

function summaryTable(a: Analysis): string {
  const rows = a.order.map((id) => {
    const n = a.nodes.get(id)!;
    return [id, n.kind, outputsText(a, id), formatCount(n.paramCount)];
  });
  rows.push(["total", "", "", formatCount(a.totals.params)]);
  return formatTable([{ title: "node" }, { title: "kind" }, { title: "output shape" }, { title: "params", align: "right" }], rows);
}

function jsonReport(file: string, a: Analysis): unknown {
  return {
    file,
    name: a.doc.name,
    valid: !a.diagnostics.some((d) => d.severity === "error"),
    nodes: a.order.map((id) => {
      const n = a.nodes.get(id)!;
      return { id, kind: n.kind, outputs: Object.fromEntries(Object.entries(n.outputs).map(([p, s]) => [p, [...s]])), params: n.paramCount, flops: n.flops, status: n.status };
    }),
    networks: [...a.networks.values()].map((n) => ({ id: n.id, params: n.params, flops: n.flops, errors: n.errors })),
    totals: a.totals,
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, nodeId: d.nodeId, port: d.port, param: d.param, inner: d.inner, network: d.network, message: d.message, fixes: d.fixes?.map((f) => f.label) })),
  };
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  } catch (e) {
    io.err(`layerloom check: ${(e as Error).message}. Usage: layerloom check FILE [--json]`);
    return EXIT_UNREADABLE;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.err("Usage: layerloom check FILE [--json]");
    return EXIT_UNREADABLE;
  }
  const json = parsed.values.json === true;
  const fail = (code: string, message: string): number => {
    if (json) io.out(JSON.stringify({ file, valid: false, error: { code, message } }, null, 2));
    else io.err(`layerloom check: ${message}`);
    return EXIT_UNREADABLE;
  };

  const read = await readGraphText(file);
  if (!read.ok) return fail("unreadable", read.message);
  const loaded = parseGraphFile(read.text);
  if (!loaded.ok) return fail(loaded.error.code, `${file}: ${loaded.error.message}`);

  const a = analyze(loaded.doc);
  const errors = a.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = a.diagnostics.length - errors;
  if (json) {
    io.out(JSON.stringify(jsonReport(file, a), null, 2));
    return errors > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  io.out(`${a.doc.name}  (${file})\n`);
  for (const w of loaded.warnings) io.out(`note: ${w}`);
  io.out(summaryTable(a));
  for (const n of a.networks.values()) io.out(`network ${n.id}: ${formatCount(n.params)} params, ${formatCount(n.flops)} FLOPs per example`);
  io.out("");
  if (a.diagnostics.length === 0) io.out("No problems found.");
  else {
    io.out(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}:`);
    for (const d of a.diagnostics) io.out(describeDiagnostic(d));
  }
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}
