/** The `plot` object cells see: each call checks its input and returns a displayable Plot. */
import { Plot, isTensorLike, type GrayOrRgb, type Series } from "./display.js";

const nums = (what: string, v: unknown): number[] => {
  if (!Array.isArray(v) && !ArrayBuffer.isView(v)) throw new TypeError(`${what} must be a list of numbers.`);
  return Array.from(v as ArrayLike<unknown>, (x) => {
    if (typeof x !== "number") throw new TypeError(`${what} must hold only numbers (found ${typeof x}).`);
    return x;
  });
};

/** A tensor (HxW, HxWx1, HxWx3, or 1xHxWxC) or { pixels, shape } as 0..1 pixels. */
export function toImage(value: unknown): GrayOrRgb {
  let data: ArrayLike<number>, shape: readonly number[];
  if (isTensorLike(value)) {
    data = value.dataSync();
    shape = value.shape;
  } else if (typeof value === "object" && value !== null && "pixels" in value && "shape" in value) {
    data = (value as { pixels: ArrayLike<number> }).pixels;
    shape = (value as { shape: number[] }).shape;
  } else {
    throw new TypeError("plot.image takes a tensor of shape [H, W], [H, W, 1] or [H, W, 3], or { pixels, shape } with values from 0 to 1.");
  }
  const dims = shape[0] === 1 && shape.length === 4 ? shape.slice(1) : [...shape];
  const [height, width, channels = 1] = dims;
  if (dims.length < 2 || dims.length > 3 || !height || !width || (channels !== 1 && channels !== 3) || data.length !== height * width * channels) {
    throw new TypeError(`plot.image needs an image of shape [H, W], [H, W, 1] or [H, W, 3]; this one has shape [${shape.join(", ")}].`);
  }
  return { width, height, channels, pixels: Array.from(data) };
}

const defaultScale = (img: GrayOrRgb): number => Math.max(1, Math.min(8, Math.floor(112 / Math.max(img.width, img.height))));

export const plot = {
  line(o: { x?: number[]; series: Series[]; title?: string; logY?: boolean }): Plot {
    if (!o || !Array.isArray(o.series) || o.series.length === 0) throw new TypeError("plot.line needs { series: [{ name, values }] } with at least one series.");
    const series = o.series.map((s, i) => ({ name: String(s?.name ?? `series ${i + 1}`), values: nums(`series "${s?.name}" values`, s?.values) }));
    return new Plot({ type: "line", series, ...(o.x ? { x: nums("x", o.x) } : {}), ...(o.title ? { title: String(o.title) } : {}), ...(o.logY ? { logY: true } : {}) });
  },
  scatter(o: { points: [number, number][]; labels?: number[]; title?: string }): Plot {
    if (!o || !Array.isArray(o.points)) throw new TypeError("plot.scatter needs { points: [[x, y], ...] }.");
    const points = o.points.map((p) => nums("each point", p).slice(0, 2) as [number, number]);
    return new Plot({ type: "scatter", points, ...(o.labels ? { labels: nums("labels", o.labels) } : {}), ...(o.title ? { title: String(o.title) } : {}) });
  },
  bar(o: { labels: string[]; values: number[]; title?: string }): Plot {
    if (!o || !Array.isArray(o.labels)) throw new TypeError("plot.bar needs { labels, values }.");
    const values = nums("values", o.values);
    if (values.length !== o.labels.length) throw new TypeError(`plot.bar has ${o.labels.length} labels but ${values.length} values; give one value per label.`);
    return new Plot({ type: "bar", labels: o.labels.map(String), values, ...(o.title ? { title: String(o.title) } : {}) });
  },
  image(value: unknown, o: { title?: string; scale?: number } = {}): Plot {
    const img = toImage(value);
    return new Plot({ type: "images", images: [img], columns: 1, scale: Math.max(1, Math.min(16, Math.round(o.scale ?? defaultScale(img)))), ...(o.title ? { title: String(o.title) } : {}) });
  },
  images(list: unknown[], o: { columns?: number; titles?: string[]; scale?: number; title?: string } = {}): Plot {
    if (!Array.isArray(list) || list.length === 0) throw new TypeError("plot.images takes a non-empty list of images.");
    const images = list.map(toImage);
    const scale = Math.max(1, Math.min(16, Math.round(o.scale ?? Math.max(1, Math.min(...images.map(defaultScale)) / 2))));
    return new Plot({ type: "images", images, columns: Math.max(1, Math.round(o.columns ?? Math.min(8, images.length))), scale, ...(o.titles ? { titles: o.titles.map(String) } : {}), ...(o.title ? { title: String(o.title) } : {}) });
  },
};
