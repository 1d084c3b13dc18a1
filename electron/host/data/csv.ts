/**
 * CSV tables as datasets: every column but one is a numeric feature, the chosen column (by name
 * or position, the last by default) is the target. Text targets become classes; whole-number
 * targets become classes unless `task: "values"` says they are quantities.
 */
import { arraysDataset, splitIndices } from "../../../runtime/data/in-memory.js";
import type { Dataset } from "../../../runtime/data/types.js";

export class CsvError extends Error {
  override readonly name = "CsvError";
}

/** RFC 4180 fields: commas (or the given delimiter), "quoted" fields with "" for a quote, CRLF or LF. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // byte-order mark from spreadsheet exports
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      field = "";
      rows.push(row);
      row = [];
      if (ch === "\r" && src[i + 1] === "\n") i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new CsvError(`CSV: a quoted field opened on line ${rows.length + 1} is never closed.`);
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (often one at the end) carry no sample.
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
}

export interface CsvOptions {
  /** Column holding the target: a header name or a 0-based position; negative counts from the end (default -1). */
  readonly target?: string | number;
  /** Whether the first row names the columns; detected when left out (a row with a non-number feature is a header). */
  readonly header?: boolean;
  /** "auto": text or whole numbers are classes, other numbers values. */
  readonly task?: "auto" | "classes" | "values";
  readonly delimiter?: string;
  readonly testFraction?: number;
  readonly seed?: number;
  readonly name?: string;
}

const isNumber = (s: string): boolean => s.trim() !== "" && Number.isFinite(Number(s));

export function csvDataset(text: string, options: CsvOptions = {}): Dataset {
  const name = options.name ?? "table.csv";
  const rows = parseCsv(text, options.delimiter ?? ",");
  if (rows.length === 0) throw new CsvError(`${name}: the file is empty.`);
  const width = rows[0]!.length;
  if (width < 2) throw new CsvError(`${name}: only one column; a dataset needs at least one feature column and one target column.`);
  rows.forEach((r, i) => {
    if (r.length !== width) throw new CsvError(`${name}: line ${i + 1} has ${r.length} fields but line 1 has ${width}; every row needs the same columns.`);
  });

  const rawTarget = options.target ?? -1;
  // A target given by name implies a header; otherwise a first row with a non-number feature is one.
  const hasHeader =
    options.header ??
    (typeof rawTarget === "string" || rows[0]!.some((cell, c) => c !== resolvePosition(rawTarget, [], width, name, false) && !isNumber(cell)));
  const names = hasHeader ? rows[0]!.map((s) => s.trim()) : rows[0]!.map((_, c) => `column ${c + 1}`);
  const targetCol = resolvePosition(rawTarget, names, width, name, hasHeader);
  const body = hasHeader ? rows.slice(1) : rows;
  const first = hasHeader ? 2 : 1;
  if (body.length === 0) throw new CsvError(`${name}: there are no data rows after the header.`);

  const featureCols = names.map((_, c) => c).filter((c) => c !== targetCol);
  const values = new Float32Array(body.length * featureCols.length);
  body.forEach((r, i) => {
    featureCols.forEach((c, k) => {
      const cell = r[c]!;
      if (!isNumber(cell)) {
        throw new CsvError(`${name}: line ${i + first}, column "${names[c]}" holds ${cell.trim() === "" ? "nothing" : JSON.stringify(cell)}; feature columns must be numbers (fill or drop missing values first).`);
      }
      values[i * featureCols.length + k] = Number(cell);
    });
  });

  const cells = body.map((r) => r[targetCol]!.trim());
  const allNumbers = cells.every(isNumber);
  const task = options.task ?? "auto";
  const asClasses = task === "classes" || (task === "auto" && (!allNumbers || cells.every((s) => Number.isInteger(Number(s)))));
  const common = {
    id: `csv:${name}`,
    title: name,
    description: `${body.length} rows, ${featureCols.length} feature columns, target "${names[targetCol]}".`,
    provenance: { source: `the user's file ${name}`, license: "the user's own data" },
    sampleShape: [featureCols.length],
    values,
    splits: splitIndices(body.length, options.testFraction ?? 0.2, options.seed ?? 0),
  };
  if (asClasses) {
    // Numbers sort as numbers ("2" before "10"), text alphabetically.
    const classNames = [...new Set(cells)].sort((a, b) => (allNumbers ? Number(a) - Number(b) : a.localeCompare(b)));
    const index = new Map(classNames.map((c, i) => [c, i]));
    return arraysDataset({ ...common, target: { kind: "classes", labels: Int32Array.from(cells, (c) => index.get(c)!), names: classNames } });
  }
  const bad = cells.findIndex((c) => !isNumber(c));
  if (bad >= 0) throw new CsvError(`${name}: line ${bad + first}: the target "${names[targetCol]}" holds ${JSON.stringify(cells[bad])}, not a number; use task "classes" for labels.`);
  return arraysDataset({ ...common, target: { kind: "values", values: Float32Array.from(cells, Number), shape: [1] } });
}

function resolvePosition(target: string | number, names: readonly string[], width: number, file: string, byName: boolean): number {
  if (typeof target === "number") {
    const c = target < 0 ? width + target : target;
    if (!Number.isInteger(c) || c < 0 || c >= width) throw new CsvError(`${file}: there is no column ${target}; the file has ${width} columns (0..${width - 1}).`);
    return c;
  }
  const c = byName ? names.findIndex((n) => n.trim() === target) : -1;
  if (c < 0) throw new CsvError(`${file}: no column is named "${target}"; the columns are ${names.map((n) => `"${n.trim()}"`).join(", ")}.`);
  return c;
}
