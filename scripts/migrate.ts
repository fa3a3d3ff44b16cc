/**
 * `npm run db:migrate`: applies the shipped drizzle/ migrations to the configured database
 * (DATABASE_URL, or the embedded PGlite directory) and says what it did.
 */
import { configuredDatabase } from "@/lib/db";
import { connect } from "@/db/client";
import { migrateDatabase, migrationStatus } from "@/db/migrate";
import { describeError, describeTarget } from "@/lib/seed/target";

async function main() {
  const { url, driver } = configuredDatabase();
  console.log(`Migrating ${describeTarget(url, driver)}`);
  const connection = await connect(url, driver);
  try {
    const before = (await migrationStatus(connection.db)).applied;
    await migrateDatabase(connection.db, driver, url);
    const after = await migrationStatus(connection.db);
    const applied = after.applied - before;
    console.log(
      applied > 0
        ? `Applied ${applied} migration${applied === 1 ? "" : "s"}; ${after.applied} of ${after.shipped} shipped are now applied.`
        : `Already up to date: ${after.applied} of ${after.shipped} shipped migrations applied.`,
    );
    if (after.pending > 0) throw new Error(`${after.pending} shipped migrations are still pending after migrating.`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${describeError(error)}`);
  process.exit(1);
});
