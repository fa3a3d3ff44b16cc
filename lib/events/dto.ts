/** What the outbox admin endpoints and page see; every field is named here. */
import { z } from "zod";
import { jsonValue } from "@/lib/openapi/json-value";
import { outboxStatusSchema } from "./inputs";

export const outboxEventDto = z
  .strictObject({
    id: z.uuid().describe("The event id: the AMQP message id consumers dedupe on."),
    type: z.string().describe("The routing key, e.g. v1.customer.updated."),
    version: z.number().int(),
    business_id: z.uuid().nullable(),
    aggregate_type: z.string(),
    aggregate_id: z.string(),
    status: outboxStatusSchema,
    attempts: z.number().int().describe("Publish attempts the broker answered (confirmed or refused)."),
    next_attempt_at: z.iso.datetime().describe("While pending: when the relay may try it next."),
    last_error: z.string().nullable(),
    trace_id: z.string().nullable().describe("The request that produced it; finds its log lines."),
    occurred_at: z.iso.datetime(),
    sent_at: z.iso.datetime().nullable(),
    data: z.record(z.string(), jsonValue).describe("The payload, as published."),
  })
  .meta({ id: "OutboxEvent" });
export type OutboxEventDto = z.infer<typeof outboxEventDto>;

export const outboxStatsDto = z
  .strictObject({
    pending: z.number().int(),
    sent: z.number().int(),
    dead: z.number().int(),
    oldest_pending_age_seconds: z.number().nullable().describe("Null when nothing is pending."),
  })
  .meta({ id: "OutboxStats" });
export type OutboxStatsDto = z.infer<typeof outboxStatsDto>;

export const outboxPageDto = z.strictObject({
  events: z.array(outboxEventDto).describe("Newest first."),
  next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last."),
});
export type OutboxPageDto = z.infer<typeof outboxPageDto>;

export const outboxOverviewDto = outboxPageDto
  .extend({
    broker_configured: z
      .boolean()
      .describe("False when AMQP_URL is unset: events stay pending until a broker is configured."),
    stats: outboxStatsDto,
  })
  .meta({ id: "OutboxOverview" });
export type OutboxOverviewDto = z.infer<typeof outboxOverviewDto>;

export const retryDeadResultDto = z
  .strictObject({ retried: z.number().int().describe("Dead events moved back to pending.") })
  .meta({ id: "OutboxRetryResult" });
export type RetryDeadResultDto = z.infer<typeof retryDeadResultDto>;
