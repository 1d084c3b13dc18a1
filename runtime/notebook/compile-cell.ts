/**
 * A cell's TypeScript -> the JavaScript body the kernel runs. Sucrase strips the types (keeping
 * every line where it was, so errors point at the person's own line); acorn then finds the
 * top-level declarations, which are rewritten into assignments on the notebook scope so later
 * cells see them, as in Jupyter; the last expression statement becomes the cell's value.
 * The kernel wraps the body in `with (scope) { ... }` inside an async function (top-level await).
 */
import { parse, type Node, type Pattern, type Program, type Statement } from "acorn";
import { transform } from "sucrase";

export const IN_SCOPE = "tf, graph, ll, model, data, display, plot, table and console";

export class CellSyntaxError extends Error {
  override readonly name = "SyntaxError";
  constructor(message: string, readonly line: number | undefined) {
    super(message);
  }
}

export interface CompiledCell {
  /** JavaScript with the same line breaks as the cell. */
  readonly body: string;
  /** Names the cell declares at top level (to create on the scope before it runs). */
  readonly declared: readonly string[];
  /** Function declarations, to bind on the scope as the cell starts (they are hoisted). */
  readonly functions: readonly string[];
  /** True when the body ends with `return (last expression)`. */
  readonly returnsValue: boolean;
}

const SCOPE = "__llScope";
export const SCOPE_NAME = SCOPE;

function lineOf(message: string): number | undefined {
  const m = /\((\d+):(\d+)\)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

function patternNames(p: Pattern, out: string[]): void {
  switch (p.type) {
    case "Identifier": out.push(p.name); break;
    case "ObjectPattern": for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out); break;
    case "ArrayPattern": for (const e of p.elements) if (e) patternNames(e, out); break;
    case "RestElement": patternNames(p.argument, out); break;
    case "AssignmentPattern": patternNames(p.left, out); break;
    default: break;
  }
}

const newlines = (s: string): string => s.replace(/[^\n]/g, "");

function importRefused(line: number | undefined): CellSyntaxError {
  return new CellSyntaxError(`Cells cannot import or export: everything a cell needs is already in scope (${IN_SCOPE}).`, line);
}

/** Finds dynamic import() anywhere in the program without a full walker: acorn marks it as ImportExpression. */
function findImportExpression(node: unknown): Node | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findImportExpression(n);
      if (f) return f;
    }
    return undefined;
  }
  if (node === null || typeof node !== "object") return undefined;
  const n = node as Node & Record<string, unknown>;
  if (n.type === "ImportExpression") return n;
  for (const [k, v] of Object.entries(n)) {
    if (k === "loc" || typeof v !== "object" || v === null) continue;
    const f = findImportExpression(v);
    if (f) return f;
  }
  return undefined;
}

export function compileCell(source: string): CompiledCell {
  if (/^\s*(import|export)\b(?!\s*\()/m.test(source)) {
    const line = source.split("\n").findIndex((l) => /^\s*(import|export)\b(?!\s*\()/.test(l));
    throw importRefused(line + 1);
  }
  let js: string;
  try {
    js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new CellSyntaxError(message.replace(/^Error transforming [^:]*:\s*/, ""), lineOf(message));
  }
  let program: Program;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "script", allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true, locations: true });
  } catch (e) {
    const err = e as Error & { loc?: { line: number } };
    throw new CellSyntaxError(err.message.replace(/\s*\(\d+:\d+\)$/, ""), err.loc?.line);
  }
  const dynamic = findImportExpression(program.body);
  if (dynamic) throw importRefused(dynamic.loc?.start.line);

  const declared: string[] = [];
  const functions: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const body = program.body as Statement[];
  body.forEach((stmt, i) => {
    if (stmt.type === "VariableDeclaration") {
      const names: string[] = [];
      for (const d of stmt.declarations) patternNames(d.id, names);
      declared.push(...names);
      const parts: string[] = [];
      stmt.declarations.forEach((d, k) => {
        const own = js.slice(d.start, d.end);
        parts.push(d.init ? `(${own})` : stmt.kind === "var" ? `void 0${newlines(own)}` : `(${own} = undefined)`);
        const next = stmt.declarations[k + 1];
        if (next) parts.push(js.slice(d.end, next.start));
      });
      const head = js.slice(stmt.start, stmt.declarations[0]!.start);
      const tail = js.slice(stmt.declarations[stmt.declarations.length - 1]!.end, stmt.end);
      edits.push({ start: stmt.start, end: stmt.end, text: `;${newlines(head)}${parts.join("")}${newlines(tail)};` });
    } else if (stmt.type === "FunctionDeclaration" && stmt.id) {
      declared.push(stmt.id.name);
      functions.push(stmt.id.name);
    } else if (stmt.type === "ClassDeclaration" && stmt.id) {
      declared.push(stmt.id.name);
      const own = js.slice(stmt.start, stmt.end);
      edits.push({ start: stmt.start, end: stmt.end, text: `;${stmt.id.name} = ${own};` });
    } else if (stmt.type === "ExpressionStatement" && i === body.length - 1 && !("directive" in stmt && stmt.directive)) {
      const own = js.slice(stmt.expression.start, stmt.expression.end);
      edits.push({ start: stmt.start, end: stmt.end, text: `;return (${own});` });
    }
  });
  let out = js;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const last = body[body.length - 1];
  return { body: out, declared: [...new Set(declared)], functions, returnsValue: last?.type === "ExpressionStatement" };
}
