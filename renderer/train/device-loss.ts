/**
 * Watching the current tfjs backend for a lost device: a WebGL context that was lost (driver
 * reset, too many contexts, WEBGL_lose_context) or a WebGPU device whose `lost` promise settled.
 * Polled every few milliseconds and on the events, so a loss is seen within the step it happens
 * in even when tfjs itself hangs waiting on the dead device.
 */
import * as tf from "../../runtime/tf.js";

interface WebGLish {
  isContextLost(): boolean;
  getExtension(name: string): unknown;
}
interface WebGPUDeviceish {
  readonly lost: Promise<{ message: string; reason?: string }>;
  destroy(): void;
}

function currentGl(): WebGLish | undefined {
  if (tf.getBackend() !== "webgl") return undefined;
  return (tf.backend() as unknown as { gpgpu?: { gl?: WebGLish } }).gpgpu?.gl;
}

function currentDevice(): WebGPUDeviceish | undefined {
  if (tf.getBackend() !== "webgpu") return undefined;
  return (tf.backend() as unknown as { device?: WebGPUDeviceish }).device;
}

export interface LossWatch {
  /** Rejects with the reason once the device is lost; never resolves. */
  readonly lost: Promise<never>;
  /** True once the device is lost. */
  isLost(): boolean;
  stop(): void;
}

export class DeviceLostError extends Error {
  override readonly name = "DeviceLostError";
}

/** Watches the backend current now; backends without a device (wasm, cpu) are never lost. */
export function watchDevice(pollMs = 5): LossWatch {
  const gl = currentGl();
  const device = currentDevice();
  let lostReason: string | undefined;
  let reject: (e: Error) => void = () => undefined;
  const lost = new Promise<never>((_, r) => {
    reject = r;
  });
  lost.catch(() => undefined); // a loss nobody awaits is not an unhandled rejection
  const fire = (why: string) => {
    if (lostReason !== undefined) return;
    lostReason = why;
    reject(new DeviceLostError(why));
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  if (gl) {
    timer = setInterval(() => {
      if (gl.isContextLost()) fire("the WebGL context was lost");
    }, pollMs);
  }
  let stopped = false;
  device?.lost.then((info) => {
    if (!stopped) fire(`the WebGPU device was lost (${info.reason ?? "unknown"}${info.message ? `: ${info.message}` : ""})`);
  });
  return {
    lost,
    isLost: () => {
      if (gl?.isContextLost()) fire("the WebGL context was lost");
      return lostReason !== undefined;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
    },
  };
}

/** Loses the current device on purpose (tests, diagnosis). Returns what it did. */
export function loseDevice(): string {
  const gl = currentGl();
  if (gl) {
    const ext = gl.getExtension("WEBGL_lose_context") as { loseContext(): void } | null;
    if (!ext) return "this WebGL context has no WEBGL_lose_context extension";
    ext.loseContext();
    return "lost the WebGL context";
  }
  const device = currentDevice();
  if (device) {
    device.destroy();
    return "destroyed the WebGPU device";
  }
  return `the ${tf.getBackend()} backend has no device to lose`;
}
