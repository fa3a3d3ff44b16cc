/** OpenAPI registration of the event outbox admin routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { outboxOverviewDto, retryDeadResultDto } from "./dto";
import { listOutboxQuery } from "./inputs";

describeTag(
  "Events",
  "Domain events wait in a transactional outbox until the relay publishes them to RabbitMQ (exchange " +
    "clientele.events). Platform administrators watch the backlog and retry dead events here.",
);

registerRoute({
  method: "get",
  path: "/api/admin/outbox",
  operationId: "getOutbox",
  summary: "Outbox counts and events",
  description:
    "Counts by status, the age of the oldest pending event and a page of events, newest first " +
    "(keyset pagination: pass next_cursor as ?cursor=).",
  tags: ["Events"],
  access: "admin",
  query: listOutboxQuery,
  responses: { 200: { description: "The outbox.", schema: outboxOverviewDto } },
});

registerRoute({
  method: "post",
  path: "/api/admin/outbox/retry",
  operationId: "retryDeadOutboxEvents",
  summary: "Retry dead events",
  description:
    "Moves every dead event back to pending (attempts 0, due now); the relay publishes it on its next pass. " +
    "A retried event may reach consumers after later events of its aggregate.",
  tags: ["Events"],
  access: "admin",
  responses: { 200: { description: "How many events were put back in line.", schema: retryDeadResultDto } },
});
