/**
 * The shipped migrations up to one of them, as a folder of their own: a migration's test migrates
 * a scratch database that far (scratchDatabase's `migrationsFolder`), writes rows as the release
 * before it left them, then applies the rest with migrateDatabase and checks what it did.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

type Journal = { entries: { tag: string }[] };

/** A temporary folder with the migrations up to and including `tag`; `remove()` deletes it. */
export function migrationsUpTo(tag: string): { folder: string; remove: () => void } {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
  const last = journal.entries.findIndex((entry) => entry.tag === tag);
  if (last < 0) throw new Error(`No shipped migration is tagged ${tag}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "clientele-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const entries = journal.entries.slice(0, last + 1);
  for (const { tag: name } of entries) {
    copyFileSync(path.join(MIGRATIONS_FOLDER, `${name}.sql`), path.join(folder, `${name}.sql`));
  }
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
