/**
 * Replacing one of tfjs's cpu kernels with a faster path for the common case, keeping the stock
 * kernel for every other case (other dtypes, layouts, shapes). The cpu backend is what Node,
 * CI and browsers without a GPU train on; its generic kernels index every element through
 * shape arithmetic, which made small CNNs spend most of a step outside the maths.
 */
import * as tf from "#tf";

/** The part of tfjs's cpu backend our kernels use (its class is not exported with types). */
export interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: readonly number[], dtype: "float32", values: Float32Array): tf.TensorInfo;
}

export interface KernelArgs {
  inputs: Record<string, tf.TensorInfo>;
  attrs: Record<string, unknown>;
  backend: CpuBackend;
}

/** A fast path: the result, or undefined to let tfjs's own kernel handle these arguments. */
export type FastPath = (args: KernelArgs) => tf.TensorInfo | undefined;

export const values = (backend: CpuBackend, t: tf.TensorInfo): Float32Array => backend.data.get(t.dataId).values as Float32Array;

const installed = new Set<string>();

/** Registers `fast` in front of the cpu backend's `kernelName` (once; later calls do nothing). */
export function overrideCpuKernel(kernelName: string, fast: FastPath): void {
  if (installed.has(kernelName)) return;
  const stock = tf.getKernel(kernelName, "cpu");
  if (!stock) return;
  installed.add(kernelName);
  tf.unregisterKernel(kernelName, "cpu");
  tf.registerKernel({
    kernelName,
    backendName: "cpu",
    // A named function, so a test can see which kernel is registered.
    kernelFunc: Object.defineProperty(
      (args: Parameters<tf.KernelFunc>[0]) => fast(args as unknown as KernelArgs) ?? stock.kernelFunc(args),
      "name", { value: `fast${kernelName}` }),
  });
}
