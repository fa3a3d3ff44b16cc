import { defineConfig, devices } from "@playwright/test";
import { E2E_CRON_SECRET, E2E_METRICS_TOKEN } from "./e2e/fixtures/secrets";

// End-to-end journeys in Debian's Chromium against `next start` on a fresh embedded database
// seeded with the demo world (the same thing `npm start` gives a newcomer).
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/start.ts --fresh",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM lets the server close the embedded database and its lock (lib/db.ts); Playwright's
    // default SIGKILL left the lock for 15 s, and a run started meanwhile came up without the demo world.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PGLITE_DIR: ".data/e2e/pglite",
      DATABASE_URL: "",
      DATABASE_DRIVER: "",
      LOG_LEVEL: "warn",
      // The specs stand in for one appending proxy: their made-up X-Forwarded-For is the client.
      TRUST_PROXY: "1",
      CRON_SECRET: E2E_CRON_SECRET,
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    },
  },
});
