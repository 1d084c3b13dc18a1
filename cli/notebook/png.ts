/** RGBA from the notebook rasteriser -> base64 PNG, with pngjs (Node only). */
import { PNG } from "pngjs";
import type { Rgba } from "../../runtime/notebook/raster.js";

export function encodePng(image: Rgba): string {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType: 6 }).toString("base64");
}
