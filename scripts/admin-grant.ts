/**
 * npm run admin:grant -- <email>: makes an existing account a platform administrator.
 * Exit code 1 when the email is missing or no account has it.
 */
import { configuredDatabase } from "../lib/db";
import { connect } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { users } from "../db/schema";
import { emailMatches } from "../lib/accounts/email";

async function main(): Promise<number> {
  const email = process.argv[2]?.trim();
  if (!email) {
    console.error("Usage: npm run admin:grant -- <email>");
    return 1;
  }
  const { url, driver } = configuredDatabase();
  const connection = await connect(url, driver);
  try {
    await migrateDatabase(connection.db, driver, url);
    const granted = await connection.db
      .update(users)
      .set({ isPlatformAdmin: true })
      .where(emailMatches(users.email, email))
      .returning({ email: users.email });
    if (granted.length === 0) {
      console.error(`No account with the email ${email}. Register it first, then run this again.`);
      return 1;
    }
    console.log(`${granted[0]!.email} is now a platform administrator (takes effect on their next request).`);
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
