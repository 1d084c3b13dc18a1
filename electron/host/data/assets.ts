/** The Node host's LoadBytes for shipped assets: file: URLs from disk, anything else over HTTP. */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { fetchBytes, type LoadBytes } from "../../../runtime/data/shipped.js";

export const readAssetBytes: LoadBytes = async (url) => {
  if (url.protocol === "file:") return new Uint8Array(await readFile(fileURLToPath(url)));
  return fetchBytes(url);
};
