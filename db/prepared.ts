/**
 * Hot statements sent as named prepared statements. Postgres parses a named statement once per
 * connection and, once five executions have shown that a generic plan costs no more than the
 * custom ones, stops planning it: each later call pays for execution only. Sent unnamed, the
 * provider profile statement spent as long being planned (0.6 ms) as running (0.7 ms)
 * (BENCHMARKS.md).
 *
 * drizzle's `db.execute(sql)` always sends an unnamed statement, and `.prepare(name)` exists only
 * on query builders, which cannot express the profile's data-modifying CTE; so this makes the call
 * `db.execute` makes, on the same session, with a name. node-postgres and Neon's Pool keep the
 * statement per connection. These are protocol-level statements (Parse with a name), which a
 * PgBouncer in transaction mode such as Neon's pooler tracks for its clients; only SQL-level
 * PREPARE is off limits there. PGlite has one connection and ignores the name.
 *
 * The name is the label plus a hash of the text: node-postgres refuses a name reused for another
 * text, and a statement whose shape varies (say, rows per policy) gets one name per shape. Use it
 * only for statements with a few shapes, since each one stays prepared on every connection.
 */
import { createHash } from "node:crypto";
import type { Query, SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { CASING } from "./casing";
import type { Database } from "./client";

// The dialect the drivers are opened with (db/client.ts): it renders the same text db.execute would.
const dialect = new PgDialect({ casing: CASING });
const names = new Map<string, Map<string, string>>(); // label -> text -> name

function nameFor(label: string, text: string): string {
  let ofLabel = names.get(label);
  if (!ofLabel) names.set(label, (ofLabel = new Map()));
  let name = ofLabel.get(text);
  if (!name) {
    name = `${label}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
    ofLabel.set(text, name);
  }
  return name;
}

async function run<T>(db: Database, name: string, query: Query, values?: Record<string, unknown>): Promise<T[]> {
  const prepared = db._.session.prepareQuery(query, undefined, name, false);
  const result = (await prepared.execute(values)) as { rows: T[] };
  return result.rows;
}

/** Runs `query` as the named prepared statement `<label>_<hash of its text>` and returns its rows. */
export function executePrepared<T>(db: Database, label: string, query: SQL): Promise<T[]> {
  const rendered = dialect.sqlToQuery(query);
  return run<T>(db, nameFor(label, rendered.sql), rendered);
}

/**
 * A statement of one fixed shape, rendered once: its values are `sql.placeholder("name")`s, given
 * on each call. The hottest statements use it, so a request does not rebuild and render a few
 * kilobytes of SQL to send the same text again (about 90 µs for the profile's).
 */
export function preparedStatement<Values extends Record<string, unknown>, T>(label: string, query: SQL) {
  const rendered = dialect.sqlToQuery(query);
  const name = nameFor(label, rendered.sql);
  return (db: Database, values: Values): Promise<T[]> => run<T>(db, name, rendered, values);
}

/**
 * A family of statements whose shape depends on one number (the rows of a VALUES list, say): the
 * statement for each number is rendered and named on first use, then reused like preparedStatement's.
 */
export function preparedStatements<Values extends Record<string, unknown>, T>(
  label: string,
  build: (n: number) => SQL,
): (n: number) => (db: Database, values: Values) => Promise<T[]> {
  const statements = new Map<number, (db: Database, values: Values) => Promise<T[]>>();
  return (n) => {
    let statement = statements.get(n);
    if (!statement) statements.set(n, (statement = preparedStatement<Values, T>(label, build(n))));
    return statement;
  };
}
