/**
 * tfjs prints an "install tfjs-node" banner on first use in Node; the CLI cannot use tfjs-node,
 * so each thread that runs tfjs for the command turns on production mode, which only silences
 * tfjs's console notes.
 */
import * as tf from "../runtime/tf.js";

export function quietTfjsNotes(): void {
  tf.env().set("PROD", true);
}
