/** Our faster cpu kernels, installed once by runtime/tf.ts (see override.ts for why). */
import { installFastBroadcast } from "./broadcast-cpu.js";
import { installFastConv2DFilterGradient } from "./conv2d-backprop-filter-cpu.js";
import { installFastLeadingSum } from "./sum-cpu.js";

export function installFastCpuKernels(): void {
  installFastConv2DFilterGradient();
  installFastLeadingSum();
  installFastBroadcast();
}
