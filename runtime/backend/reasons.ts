/** Turns what tfjs throws while starting or training on a backend into one line a person can act on. */
import type { BackendName } from "./names.js";

/** Which layers need a kernel that a backend may lack; the rest read "this model". */
const KERNEL_USERS: Readonly<Record<string, string>> = {
  Conv2DBackpropFilter: "conv layers",
  Conv2DBackpropInput: "conv layers",
  DepthwiseConv2dNativeBackpropFilter: "depthwise conv layers",
  DepthwiseConv2dNativeBackpropInput: "depthwise conv layers",
  Conv3DBackpropFilterV2: "3-D conv layers",
  MaxPoolGrad: "max-pooling layers",
  AvgPoolGrad: "average-pooling layers",
  FusedBatchNorm: "batch normalization",
  ResizeBilinearGrad: "upsampling layers",
};

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

const MISSING_KERNEL = /Kernel '([A-Za-z0-9_]+)' not registered for backend '([A-Za-z0-9_]+)'/;

/** Why a backend failed the one-step training check. */
export function trainingFailureReason(name: BackendName, e: unknown): string {
  const text = errorText(e);
  const m = MISSING_KERNEL.exec(text);
  if (m) {
    const kernel = m[1]!;
    return `${name}: cannot train ${KERNEL_USERS[kernel] ?? "this model"} (no ${kernel} kernel)`;
  }
  return `${name}: the training self-check failed (${firstLine(text)})`;
}

export function initFailureReason(name: BackendName, e: unknown): string {
  return `${name}: could not start (${firstLine(errorText(e))})`;
}

function firstLine(s: string): string {
  const line = s.split("\n", 1)[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
