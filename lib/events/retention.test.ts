/** pruneSentEvents deletes sent events older than the cut-off, in batches, and nothing else. */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOutbox } from "@/db/schema";
import { pruneSentEvents } from "./retention";
import { emitUpdates, eventsDatabase, newId, outboxRows, type EventsDatabase } from "@/test/fixtures/events";

let t: EventsDatabase;
beforeAll(async () => {
  t = await eventsDatabase();
});
afterAll(() => t?.close());

const DAY_MS = 86_400_000;

describe("pruneSentEvents", () => {
  it("removes only sent events older than the cut-off", async () => {
    const [oldSent1, oldSent2, oldSent3, recentSent, oldPending, oldDead] = Object.values(
      await emitUpdates(t.db, Array.from({ length: 6 }, newId), 1),
    ).flat() as string[];
    const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;
    await t.db
      .update(eventOutbox)
      .set({ status: "sent", sentAt: daysAgo(10), occurredAt: daysAgo(10) })
      .where(inArray(eventOutbox.id, [oldSent1!, oldSent2!, oldSent3!]));
    await t.db
      .update(eventOutbox)
      .set({ status: "sent", sentAt: daysAgo(1) })
      .where(eq(eventOutbox.id, recentSent!));
    await t.db
      .update(eventOutbox)
      .set({ occurredAt: daysAgo(30) })
      .where(eq(eventOutbox.id, oldPending!));
    await t.db
      .update(eventOutbox)
      .set({ status: "dead", occurredAt: daysAgo(30) })
      .where(eq(eventOutbox.id, oldDead!));

    const cutOff = new Date(Date.now() - 7 * DAY_MS);
    expect(await pruneSentEvents(t.db, cutOff, 2)).toBe(3); // two batches, the second short
    const left = await outboxRows(t.db, [oldSent1!, oldSent2!, oldSent3!, recentSent!, oldPending!, oldDead!]);
    expect(left.map((r) => r.id).sort()).toEqual([recentSent!, oldPending!, oldDead!].sort());
    expect(await pruneSentEvents(t.db, cutOff)).toBe(0);
  });
});
