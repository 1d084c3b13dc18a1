import { defineConfig } from "vitest/config";

// End-to-end tests: the built app in Debian's Chromium, driven by playwright-core. One file at a
// time in one fork: each starts a web host and a browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
