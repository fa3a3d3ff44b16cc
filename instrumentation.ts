/**
 * Runs once when the server starts: opens the database, applies pending migrations and, on the
 * embedded database's first start, seeds the demo world, all before the first request is served.
 * A long-lived server (not Vercel's functions, which cron drives) then relays domain events to the
 * broker continuously. It also stamps each request with its socket's peer address, which route
 * handlers cannot otherwise see (lib/http/peer.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: the socket's peer on every request's headers (lib/http/peer.ts).
  (await import("./lib/http/peer")).installPeerHeaders();
  const { getDb } = await import("./lib/db");
  const { env } = await import("./lib/env");
  const { log } = await import("./lib/log");
  const started = performance.now();
  try {
    const db = await getDb();
    log.info({ ms: Math.round(performance.now() - started) }, "database ready");
    if (env().embedded && env().SEED_ON_START === "true") {
      const { seedDemoIfEmpty } = await import("./lib/seed/demo");
      if (await seedDemoIfEmpty(db)) log.info("seeded the demo world into the embedded database");
    }
  } catch (err) {
    // Serve anyway: /api/health reports the outage with a 503 and later requests retry the connection.
    log.error({ err }, "database not ready at start-up");
  }
  if (!env().AMQP_URL) {
    log.info("AMQP_URL is not set: domain events stay in the outbox until a broker is configured");
  } else if (!env().VERCEL) {
    const { startRelayLoop } = await import("./lib/events/relay-loop");
    startRelayLoop();
  }
}
