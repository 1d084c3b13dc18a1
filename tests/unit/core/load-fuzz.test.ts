/**
 * File fuzzing: a valid file's text, mutated at random, must always come back as a document or a
 * typed error, never an exception. A document that does load must save and reopen unchanged.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseGraphFile, serializeGraph, type LoadErrorCode } from "../../../graph-ir/core/load.js";
import { richDocument } from "../../support/docs.js";

const CODES: readonly LoadErrorCode[] = ["too-large", "not-json", "too-deep", "not-a-graph", "unsupported-version", "migration-failed", "unsafe-key", "invalid"];
const BASE = serializeGraph(richDocument());

function checkParse(text: string): void {
  const r = parseGraphFile(text); // must not throw
  if (!r.ok) {
    expect(CODES).toContain(r.error.code);
    expect(r.error.message.length).toBeGreaterThan(20);
    expect(r.error.message).not.toContain("internal error");
    return;
  }
  const again = parseGraphFile(serializeGraph(r.doc));
  if (!again.ok) throw new Error(`a loaded document did not reopen: ${again.error.message}`);
  expect(again.warnings).toEqual([]);
  expect(again.doc).toStrictEqual(r.doc);
}

// Text-level damage: the kinds of corruption a bad disk, a merge conflict or a hand edit makes.
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), s: fc.constantFrom("{", "}", "[", "]", '"', ",", ":", "\\", "-", "1e400", "null", "NaN", "__proto__", '"__proto__":{},', "\u0000", "é") }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case "delete": return text.slice(0, at) + text.slice(at + m.len);
    case "duplicate": return text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
    case "insert": return text.slice(0, at) + m.s + text.slice(at);
    case "truncate": return text.slice(0, at);
  }
}

// Value-level damage: valid JSON whose content is wrong (types changed, values swapped, keys lost).
type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
function get(root: unknown, p: Path): unknown {
  return p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}
function set(root: unknown, p: Path, value: unknown, remove = false): void {
  if (p.length === 0) return;
  const parent = get(root, p.slice(0, -1)) as Record<string | number, unknown>;
  const key = p[p.length - 1]!;
  if (!remove) parent[key] = value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}

const replacement = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e9, 1e308, "", "x", "$in", "$out", "__proto__", [], {}, [1, 2], ["a"], { id: "a" }),
  fc.jsonValue({ maxDepth: 3 }),
);
const valueMutation = fc.record({
  kind: fc.constantFrom("replace", "remove", "swap", "duplicate", "addKey"),
  a: fc.nat(),
  b: fc.nat(),
  value: replacement,
  key: fc.constantFrom("extra", "id", "kind", "params", "__proto__", "constructor", "x y"),
});
type ValueMutation = typeof valueMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateValue(data: unknown, m: ValueMutation): void {
  const all = paths(data);
  const p = all[m.a % all.length]!;
  const q = all[m.b % all.length]!;
  switch (m.kind) {
    case "replace": return set(data, p, m.value);
    case "remove": return set(data, p, undefined, true);
    case "swap": {
      // Swapping a value with one inside it would make a cycle; JSON cannot hold one.
      const [x, y] = [get(data, p), get(data, q)];
      if (p.join("/").startsWith(q.join("/")) || q.join("/").startsWith(p.join("/"))) return;
      set(data, p, structuredClone(y));
      set(data, q, structuredClone(x));
      return;
    }
    case "duplicate": {
      const parent = get(data, p.slice(0, -1));
      if (Array.isArray(parent)) parent.push(structuredClone(get(data, p)));
      return;
    }
    case "addKey": {
      const target = get(data, p);
      if (target !== null && typeof target === "object" && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      }
      return;
    }
  }
}

describe("file fuzzing", () => {
  it("the unmutated file loads", () => {
    expect(parseGraphFile(BASE).ok).toBe(true);
  });

  it("damaged text never throws: a document or a typed error", () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 4 }), (ms) => {
        checkParse(ms.reduce(mutateText, BASE));
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it("wrong values in valid JSON never throw: a document or a typed error", () => {
    let loaded = 0;
    fc.assert(
      fc.property(fc.array(valueMutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const data: unknown = JSON.parse(BASE);
        for (const m of ms) mutateValue(data, m);
        const text = JSON.stringify(data);
        if (parseGraphFile(text).ok) loaded++;
        checkParse(text);
      }),
      { numRuns: 600, seed: 11 },
    );
    // Some mutations are harmless (a changed label, a dropped edge); those files must still open.
    expect(loaded).toBeGreaterThan(0);
  });
});
