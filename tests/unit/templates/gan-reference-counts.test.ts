/**
 * The adversarial templates' full configurations against their references, counted here from
 * the references' own layer sizes (PyTorch's DCGAN example, the WGAN and pix2pix authors' code,
 * SNGAN's table 3, the conditional GAN and WGAN-GP toy models), with exactly the differences each
 * README explains: batch norm's moving statistics (Keras counts them), spectral norm's u vector,
 * and the conditional GAN's maxout layers.
 */
import { describe, expect, it } from "vitest";
import { loadConfig, loadMeta, movingStatistics } from "./support.js";

const conv = (k: number, cin: number, cout: number, bias = true): number => k * k * cin * cout + (bias ? cout : 0);
const dense = (inputs: number, units: number): number => inputs * units + units;
const bn = (channels: number): number => 2 * channels;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function expectFull(id: string, reference: number, ours: number): void {
  const meta = loadMeta(id);
  expect(meta.reference.params).toBe(reference);
  const full = loadConfig(id, "full").analysis;
  expect(full.totals.params).toBe(ours);
  expect(meta.configurations.find((c) => c.id === "full")!.params).toBe(ours);
}

describe("adversarial templates against their references", () => {
  it("toy GAN: 8 → 100 → 2 and 2 → 100 → 1", () => {
    expectFull("toy-gan", dense(8, 100) + dense(100, 2) + dense(2, 100) + dense(100, 1), 1503);
  });

  it("DCGAN and WGAN (64×64, nz 100, ngf = ndf = 64): no biases, batch norm between", () => {
    const g = conv(4, 100, 512, false) + bn(512) + conv(4, 512, 256, false) + bn(256) + conv(4, 256, 128, false) + bn(128) + conv(4, 128, 64, false) + bn(64) + conv(4, 64, 3, false);
    const d = conv(4, 3, 64, false) + conv(4, 64, 128, false) + bn(128) + conv(4, 128, 256, false) + bn(256) + conv(4, 256, 512, false) + bn(512) + conv(4, 512, 1, false);
    expect([g, d]).toEqual([3_576_704, 2_765_568]);
    for (const id of ["dcgan", "wgan-clip"]) {
      const a = loadConfig(id, "full").analysis;
      expect(movingStatistics(a)).toBe(3712);
      expectFull(id, g + d, g + d + movingStatistics(a));
    }
  });

  it("WGAN-GP toy: three hidden layers of 512 in each network, 2-D noise", () => {
    const g = dense(2, 512) + 2 * dense(512, 512) + dense(512, 2);
    const d = dense(2, 512) + 2 * dense(512, 512) + dense(512, 1);
    expectFull("wgan-gp", g + d, 1_055_235);
  });

  it("SNGAN standard CNN (table 3): counts plus moving statistics and one u per spectral norm", () => {
    const g = dense(128, 4 * 4 * 512) + conv(4, 512, 256) + bn(256) + conv(4, 256, 128) + bn(128) + conv(4, 128, 64) + bn(64) + conv(3, 64, 3);
    const layers: [number, number, number][] = [[3, 3, 64], [4, 64, 64], [3, 64, 128], [4, 128, 128], [3, 128, 256], [4, 256, 256], [3, 256, 512]];
    const d = sum(layers.map(([k, i, o]) => conv(k, i, o))) + dense(4 * 4 * 512, 1);
    expect([g, d]).toEqual([3_812_355, 2_935_873]);
    const a = loadConfig("sngan", "full").analysis;
    const u = sum(layers.map(([, , o]) => o)) + 1;
    expect([movingStatistics(a), u]).toEqual([896, 1409]);
    expectFull("sngan", g + d, g + d + 896 + u);
  });

  it("conditional GAN (MNIST): maxout pieces are the only difference", () => {
    const g = dense(100, 200) + dense(10, 1000) + dense(1200, 1200) + dense(1200, 784);
    const maxout = (inputs: number, units: number, pieces: number) => dense(inputs, units * pieces);
    const paperD = maxout(784, 240, 5) + maxout(10, 50, 5) + maxout(290, 240, 4) + dense(240, 1);
    const ourD = dense(784, 240) + dense(10, 50) + dense(290, 240) + dense(240, 1);
    expectFull("cgan", g + paperD, g + ourD);
    expect(g + paperD - (g + ourD)).toBe(965_320);
  });

  it("pix2pix: unet_256 and the 70×70 PatchGAN, plus moving statistics", () => {
    // Each U-Net level: a 4×4/2 convolution down and a 4×4/2 transposed convolution up (its input doubled by the skip).
    const down = [[3, 64], [64, 128], [128, 256], [256, 512], [512, 512], [512, 512], [512, 512], [512, 512]] as const;
    const downs = sum(down.map(([i, o], level) => conv(4, i, o, false) + (level === 0 || level === 7 ? 0 : bn(o))));
    const ups = sum(down.map(([i, o], level) =>
      level === 0 ? conv(4, 2 * o, 3) : conv(4, level === 7 ? o : 2 * o, i, false) + bn(i)));
    const g = downs + ups;
    const d = conv(4, 6, 64) + conv(4, 64, 128, false) + bn(128) + conv(4, 128, 256, false) + bn(256) + conv(4, 256, 512, false) + bn(512) + conv(4, 512, 1);
    expect([g, d]).toEqual([54_413_955, 2_768_705]);
    const a = loadConfig("pix2pix", "full").analysis;
    expect(movingStatistics(a)).toBe(11_648);
    expectFull("pix2pix", g + d, g + d + 11_648);
    // The PatchGAN's 30×30 map: each score sees a 70×70 window of the 256×256 pair.
    expect(a.nodes.get("d_out")?.outputs["y"]).toEqual(["B", 30, 30, 1]);
    expect(a.nodes.get("g_out")?.outputs["y"]).toEqual(["B", 256, 256, 3]);
  });
});
