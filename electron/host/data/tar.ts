/**
 * Reads the regular files of an uncompressed tar archive (ustar and GNU, as CIFAR-10's is).
 * Enough for dataset archives; links, devices and sparse files are skipped.
 */

export interface TarEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const end = field.indexOf(0);
  return new TextDecoder("utf-8").decode(end >= 0 ? field.subarray(0, end) : field);
}

function octal(bytes: Uint8Array, start: number, length: number, what: string): number {
  const s = text(bytes, start, length).trim();
  if (!/^[0-7]*$/.test(s)) throw new Error(`${what}: a tar header has a damaged size field (${JSON.stringify(s)}).`);
  return s === "" ? 0 : parseInt(s, 8);
}

export function readTar(bytes: Uint8Array, what = "tar archive"): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset < bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break; // zero blocks end the archive
    if (header.length < 512) throw new Error(`${what}: the archive ends inside a file header; it may be truncated.`);
    const size = octal(header, 124, 12, what);
    const type = String.fromCharCode(header[156]!);
    const prefix = text(header, 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    const start = offset + 512;
    if (start + size > bytes.length) throw new Error(`${what}: "${name}" claims ${size} bytes but the archive ends first; it may be truncated.`);
    const data = bytes.subarray(start, start + size);
    if (type === "L") longName = text(data, 0, data.length);
    else if (type === "0" || type === "\0") {
      if (name.startsWith("./")) name = name.slice(2);
      entries.push({ name, data });
    }
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}
