/**
 * Runs once when the server starts: opens the database, applies pending migrations and, on the
 * embedded database's first start, seeds the demo world, all before the first request is served.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const started = performance.now();
  await getDb();
  const { log } = await import("./lib/log");
  log.info({ ms: Math.round(performance.now() - started) }, "database ready");
}
