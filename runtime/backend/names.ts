/** The tfjs backends Layerloom knows, in the order they are tried. */
export const BACKEND_NAMES = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/** Checks a name typed by a person (CLI flag, settings) and says what would be valid. */
export function parseBackendName(name: string): BackendName {
  const n = name.trim().toLowerCase();
  if (isBackendName(n)) return n;
  throw new Error(`Unknown backend "${name}". Valid backends: ${BACKEND_NAMES.join(", ")}.`);
}
