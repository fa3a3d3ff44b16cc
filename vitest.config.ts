import path from "node:path";
import { defineConfig } from "vitest/config";

// The same suite runs on each driver: always embedded PGlite; with TEST_DATABASE_URL also
// node-postgres and Neon's driver (through a local WebSocket bridge) against that server.
const drivers = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["pg", "neon"] : [])];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker throws outside a React server bundle; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: drivers.map((driver) => ({
      extends: true,
      test: {
        name: driver,
        // TRUST_PROXY=1: a test's X-Forwarded-For stands for what one appending proxy saw (its own
        // address per test, test/factories.ts uniqueIp); tests of the default set it themselves.
        env: { TEST_DRIVER: driver, LOG_LEVEL: "silent", SEED_ON_START: "false", TRUST_PROXY: "1" },
        include: ["lib/**/*.test.ts", "db/**/*.test.ts", "test/**/*.test.ts"],
        exclude: ["e2e/**", "node_modules/**"],
      },
    })),
  },
});
