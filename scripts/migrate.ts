/**
 * `npm run db:migrate`: applies the shipped drizzle/ migrations to the configured database
 * (DATABASE_URL, or the embedded PGlite directory) and says what it did.
 */
import { connect, driverFor } from "@/db/client";
import { migrateDatabase, migrationStatus } from "@/db/migrate";
import { env } from "@/lib/env";
import { describeError, describeTarget } from "@/db/seed/target";

async function main() {
  const { DATABASE_URL, DATABASE_DRIVER } = env();
  const driver = driverFor(DATABASE_URL, DATABASE_DRIVER);
  console.log(`Migrating ${describeTarget(DATABASE_URL, driver)}`);
  const connection = await connect(DATABASE_URL, driver);
  try {
    const before = await statusOrNone(connection.db);
    await migrateDatabase(connection.db, driver, DATABASE_URL);
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

/** A brand-new database has no migrations table yet: that is zero applied, not an error. */
async function statusOrNone(db: Parameters<typeof migrationStatus>[0]): Promise<number> {
  try {
    return (await migrationStatus(db)).applied;
  } catch (error) {
    if ((error as { code?: string }).code === "42P01" || (error as { cause?: { code?: string } }).cause?.code === "42P01") return 0;
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${describeError(error)}`);
  process.exit(1);
});
