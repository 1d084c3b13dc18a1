/**
 * Values written as source code: TypeScript object literals (tf.layers.* arguments) and Python
 * literals (Keras arguments), short ones on one line. Only JSON-like data ever gets here: the
 * compiled topology holds nothing else.
 */

const TS_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A number as both languages read it back exactly: 0.0001 rather than 1e-4 where that is as short. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a literal`);
  if (Object.is(n, -0)) return "0";
  const plain = String(n);
  if (!plain.includes("e")) return plain;
  const fixed = n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  return Number(fixed) === n && fixed.length <= plain.length + 4 ? fixed : plain;
}

/** A TypeScript literal of a JSON-like value. */
export function tsLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  throw new Error(`cannot write a ${typeof value} as a literal`);
}

export function tsKey(key: string): string {
  return TS_KEY.test(key) ? key : JSON.stringify(key);
}

/** A Python literal: None/True/False, tuples for lists of numbers (Keras's style for sizes), dicts. */
export function pyLiteral(value: unknown, tuples = true): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => pyLiteral(v, tuples));
    if (tuples && value.every((v) => typeof v === "number" || v === null || Array.isArray(v))) {
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
    }
    return `[${items.join(", ")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v, tuples)}`);
    return `{${entries.join(", ")}}`;
  }
  throw new Error(`cannot write a ${typeof value} as a literal`);
}

/** A Python string literal; JSON's escapes are valid Python escapes for the text we write. */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** `head(arg, arg, ...)tail` on one line when it fits, else the arguments filled into indented lines. */
export function callText(head: string, args: readonly string[], tail: string, indent: string, width = 110): string[] {
  const one = `${indent}${head}${args.join(", ")}${tail}`;
  if (one.length <= width || args.length <= 1) return [one];
  const inner = `${indent}    `;
  const lines: string[] = [];
  let line = "";
  for (const a of args) {
    const next = line ? `${line} ${a},` : `${inner}${a},`;
    if (line && next.length > width) {
      lines.push(line);
      line = `${inner}${a},`;
    } else line = next;
  }
  if (line) lines.push(line);
  return [`${indent}${head}`, ...lines, `${indent}${tail.replace(/^\s+/, "")}`];
}

/**
 * Free text (labels, dataset names) for a one-line comment: line breaks, including the
 * U+2028/U+2029 that JavaScript also ends lines at, and other control characters become spaces,
 * so text from a graph file can never end the comment and become code.
 */
export function commentText(s: string, max = 200): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Free text inside a Python docstring: backslashes and double quotes escaped, so it cannot end the string or form an escape. */
export function pyDocText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
