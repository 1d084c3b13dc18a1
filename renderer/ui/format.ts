/** Number and value formatting shared by the panels. */
import type { ParamValue } from "../../graph-ir/core/document.js";

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** 1.2e9 -> ["1.20", "G"]: for FLOPs, where the order matters more than the digits. */
export function formatCompact(n: number): readonly [string, string] {
  const prefixes = ["", "k", "M", "G", "T", "P"];
  let i = 0;
  let v = n;
  while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
    v /= 1000;
    i++;
  }
  return [i === 0 ? String(Math.round(v)) : v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0), prefixes[i]!];
}

/** How a stored param value reads: tuples as 3 × 3, a free size as ?. */
export function formatParamValue(value: ParamValue): string {
  if (Array.isArray(value)) return value.map((d) => (d === null ? "?" : String(d))).join(" × ");
  return String(value);
}

/** "kernelSize" -> "Kernel size". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
