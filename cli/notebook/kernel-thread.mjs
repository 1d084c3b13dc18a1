// Entry of the notebook kernel's worker thread: workers do not inherit the TypeScript loader the
// `layerloom` command registered, so register it here, then start the kernel.
import { register } from "tsx/esm/api";

register();
await import("./kernel-thread-main.ts");
