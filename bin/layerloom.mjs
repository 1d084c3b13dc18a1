#!/usr/bin/env node
// The `layerloom` command. Runs the TypeScript sources directly through tsx, so there is no
// build step between editing the CLI and using it.
import { register } from "tsx/esm/api";

register();
(await import("../cli/quiet-tfjs.ts")).quietTfjsNotes();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
