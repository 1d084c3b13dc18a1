import { describe, expect, it } from "vitest";
import { channelPixels, fitPoints, imagePixels } from "../../../../renderer/inspect/pixels.js";

describe("inspection pictures", () => {
  it("draws one channel of [h, w, c] maps stretched to its own range", () => {
    // 1 × 2 maps, 2 channels: channel 1 holds 10 and 30.
    const p = channelPixels([1, 2, 2], Float32Array.from([0, 10, 5, 30]), 1);
    expect([p.width, p.height]).toEqual([2, 1]);
    expect(Array.from(p.rgba)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(Array.from(channelPixels([1, 2, 1], Float32Array.from([3, 3]), 0).rgba.slice(0, 3))).toEqual([0, 0, 0]); // flat map: no NaN
  });

  it("draws an RGB input with one range for all channels", () => {
    const p = imagePixels([1, 1, 3], Float32Array.from([-1, 0, 1]));
    expect(Array.from(p.rgba)).toEqual([0, 128, 255, 255]);
  });

  it("fits points into the plot with y up", () => {
    const xy = fitPoints(Float32Array.from([0, 0, 2, 4]), 100, 100, 10);
    expect(Array.from(xy)).toEqual([10, 90, 90, 10]);
  });
});
