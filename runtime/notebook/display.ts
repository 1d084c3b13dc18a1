/**
 * What a cell can show: tables, plots (kept as plain specs so the app draws them live and Node
 * rasterises them to PNG) and any other value as text, turned into nbformat mime bundles.
 */
export type Cellvalue = string | number;

export class Table {
  readonly kind = "table";
  readonly columns: readonly string[];
  constructor(readonly rows: readonly Readonly<Record<string, Cellvalue>>[]) {
    const cols: string[] = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
    this.columns = cols;
  }
  toString(): string {
    return tableText(this);
  }
}

export function table(rows: readonly Readonly<Record<string, Cellvalue>>[]): Table {
  if (!Array.isArray(rows)) throw new TypeError("table(rows) takes a list of rows, each an object of column name -> text or number.");
  return new Table(rows);
}

export interface Series { readonly name: string; readonly values: readonly number[] }
export type PlotSpec =
  | { readonly type: "line"; readonly x?: readonly number[]; readonly series: readonly Series[]; readonly title?: string; readonly logY?: boolean }
  | { readonly type: "scatter"; readonly points: readonly (readonly [number, number])[]; readonly labels?: readonly number[]; readonly title?: string }
  | { readonly type: "bar"; readonly labels: readonly string[]; readonly values: readonly number[]; readonly title?: string }
  | { readonly type: "images"; readonly images: readonly GrayOrRgb[]; readonly columns: number; readonly titles?: readonly string[]; readonly scale: number; readonly title?: string };

/** Pixels 0..1, row-major, channels last. */
export interface GrayOrRgb { readonly width: number; readonly height: number; readonly channels: 1 | 3; readonly pixels: readonly number[] }

export class Plot {
  readonly kind = "plot";
  constructor(readonly spec: PlotSpec) {}
  toString(): string {
    return plotText(this.spec);
  }
}

export const PLOT_MIME = "application/vnd.layerloom.plot+json";

export function plotText(spec: PlotSpec): string {
  const title = spec.title ? `: ${spec.title}` : "";
  switch (spec.type) {
    case "line": return `[line chart${title}; ${spec.series.map((s) => `${s.name} (${s.values.length} points)`).join(", ")}]`;
    case "scatter": return `[scatter plot${title}; ${spec.points.length} points]`;
    case "bar": return `[bar chart${title}; ${spec.labels.length} bars]`;
    case "images": {
      // Titles are in the PNG too, but its pixel font may cut a long one: the text has them whole.
      const titles = spec.titles?.length ? `; titles, row by row: ${spec.titles.join(" | ")}` : "";
      return spec.images.length === 1 ? `[image${title}; ${spec.images[0]!.height}×${spec.images[0]!.width}${titles}]` : `[${spec.images.length} images${title}${titles}]`;
    }
  }
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const cellText = (v: unknown): string => (typeof v === "number" ? formatNumber(v) : v === undefined ? "" : String(v));

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? n.toExponential(3) : String(Number(n.toPrecision(4)));
}

export function tableText(t: Table): string {
  const grid = [t.columns, ...t.rows.map((r) => t.columns.map((c) => cellText(r[c])))];
  const widths = t.columns.map((_, i) => Math.max(...grid.map((row) => row[i]!.length)));
  return grid.map((row) => row.map((v, i) => v.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

export function tableHtml(t: Table): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr>${t.columns.map((c) => `<td>${escapeHtml(cellText(r[c]))}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A readable one-value text, like a REPL prints: short, depth-limited, never throws. */
export function formatValue(v: unknown, depth = 0): string {
  if (typeof v === "string") return depth === 0 ? v : JSON.stringify(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "bigint" || typeof v === "boolean" || v === null || v === undefined || typeof v === "symbol") return String(v);
  if (typeof v === "function") return `[function ${v.name || "anonymous"}]`;
  if (v instanceof Table || v instanceof Plot) return v.toString();
  if (isTensorLike(v)) return v.toString();
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (depth > 3) return Array.isArray(v) ? "[…]" : "{…}";
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const arr = Array.from(v as unknown as ArrayLike<number>);
    return `${v.constructor.name}(${arr.length}) [${arr.slice(0, 20).map(formatNumber).join(", ")}${arr.length > 20 ? ", …" : ""}]`;
  }
  if (Array.isArray(v)) return `[${v.slice(0, 50).map((x) => formatValue(x, depth + 1)).join(", ")}${v.length > 50 ? `, … ${v.length - 50} more` : ""}]`;
  if (v instanceof Map) return `Map(${v.size}) {${[...v].slice(0, 20).map(([k, x]) => `${formatValue(k, depth + 1)} => ${formatValue(x, depth + 1)}`).join(", ")}}`;
  if (typeof (v as { then?: unknown }).then === "function") return "[Promise: add await to see its value]";
  const entries = Object.entries(v as object).slice(0, 50);
  const name = (v as object).constructor?.name;
  return `${name && name !== "Object" ? `${name} ` : ""}{${entries.map(([k, x]) => `${k}: ${formatValue(x, depth + 1)}`).join(", ")}}`;
}

export function isTensorLike(v: unknown): v is { shape: number[]; dtype: string; toString(): string; dataSync(): ArrayLike<number> } {
  return typeof v === "object" && v !== null && Array.isArray((v as { shape?: unknown }).shape) && typeof (v as { dataSync?: unknown }).dataSync === "function" && typeof (v as { dtype?: unknown }).dtype === "string";
}
