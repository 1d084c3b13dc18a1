/** Switching tfjs to a backend, with an error that says why not instead of tfjs's bare `false`. */
import * as tf from "../tf.js";
import type { BackendName } from "./names.js";

/** Makes `name` current, or throws why not. */
export async function switchTo(name: BackendName): Promise<void> {
  if (!tf.findBackendFactory(name)) throw new Error(`the ${name} backend is not available in this environment`);
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new Error(`the ${name} backend failed to initialise: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!ok) throw new Error(`the ${name} backend failed to initialise (tfjs logged the cause to the console)`);
  await tf.ready();
}
