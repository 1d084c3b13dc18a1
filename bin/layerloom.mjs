#!/usr/bin/env node
// The `layerloom` command. Runs the TypeScript sources directly through tsx, so there is no
// build step between editing the CLI and using it.
import { register } from "tsx/esm/api";

register();
// tfjs prints an "install tfjs-node" banner on first use in Node; the CLI cannot use tfjs-node,
// so production mode (which only silences tfjs's console notes) keeps the terminal ours.
const tf = await import("../runtime/tf.ts");
tf.env().set("PROD", true);
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
