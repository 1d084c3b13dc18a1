/** A canvas sized for the screen's pixel ratio, cleared, with a context that draws in CSS pixels. */
export function crispContext(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | undefined {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return undefined;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  ctx.scale(dpr, dpr);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
