import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and applied by our own migrator (db/migrate.ts),
// which works on all three drivers; drizzle-kit only writes SQL here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
