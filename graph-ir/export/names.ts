/**
 * Names in generated code: graph ids and Keras layer names turned into TypeScript and Python
 * identifiers that stay readable (the same name the canvas shows, where the language allows it)
 * and never collide with each other or with the language's reserved words.
 */

const TS_RESERVED: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "async",
  "arguments", "eval", "undefined", "NaN", "Infinity", "as", "any", "boolean", "number", "string", "symbol",
  "type", "of", "object", "never", "unknown", "declare", "module", "namespace", "require", "keyof", "readonly",
]);

const PY_RESERVED: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
  // Builtins and module names the generated script uses.
  "print", "len", "range", "list", "dict", "int", "float", "str", "object", "input", "id", "min", "max", "sum",
  "tf", "keras", "layers", "np", "argparse", "os", "json", "self", "cls",
]);

/** letters, digits and _ only, not starting with a digit; "" becomes "_". */
function identifierChars(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (s === "") return "_";
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** A TypeScript identifier for a graph name: "conv-1" -> "conv_1", "class" -> "class_". */
export function tsIdentifier(name: string): string {
  const s = identifierChars(name);
  return TS_RESERVED.has(s) ? `${s}_` : s;
}

/** A Python identifier for a graph name, avoiding keywords and the builtins the script uses. */
export function pyIdentifier(name: string): string {
  const s = identifierChars(name);
  return PY_RESERVED.has(s) ? `${s}_` : s;
}

/** "lenet" -> "Lenet", "toy-gan" -> "ToyGan", "G" -> "G": for function names like buildLenet. */
export function pascalCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
  if (joined === "") return "Net";
  return /^[0-9]/.test(joined) ? `N${joined}` : joined;
}

/** "toy-gan" -> "toy_gan": for Python function names. */
export function snakeCase(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  return s === "" ? "net" : /^[0-9]/.test(s) ? `n${s}` : s;
}

/**
 * Hands out unique names: the first request for a base gets it as is, later ones get _2, _3...
 * Names reserved up front (module-level names of the generated file) are never handed out.
 */
export class NameScope {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** tfjs's toCamelCase, as modelFromJSON applies it to config keys and string values. */
export function camelFromSnake(identifier: string): string {
  if (identifier.length <= 1 || !identifier.includes("_")) return identifier;
  return identifier.replace(/_+(\w|$)/g, (_m, c: string) => c.toUpperCase());
}

/** tfjs's toSnakeCase, as it writes config keys and string values into model.json. */
export function snakeFromCamel(name: string): string {
  const s = name.replace(/(.)([A-Z][a-z0-9]+)/g, "$1_$2").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  return s.startsWith("_") ? `private${s}` : s;
}
