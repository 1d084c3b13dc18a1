import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // tfjs-backed tests build real models; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest leaves one core to itself by default, which on 2 cores runs every file in turn;
    // the main process only waits, and the slow files are tfjs training, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
