/** OpenAPI registration of a job's message threads: read a page, send a message (see lib/openapi/registry.ts). */
import { registerRoute } from "@/lib/openapi/registry";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { jobMessagePageDto, messageDto } from "./dto";
import { jobMessagesQuery, messageInput } from "./inputs";

registerRoute({
  method: "get",
  path: "/api/jobs/{jobId}/messages",
  operationId: "listJobMessages",
  summary: "Read a job's message thread",
  description:
    "One thread (the job and one provider business), newest page first; within a page, oldest to newest. " +
    "Pass `next_cursor` back as `before` for older messages; a cursor of another thread is a 400. The job's " +
    "customer names the thread with `provider_business_id` (400 without it); a provider reads only its own " +
    "(403 `not_your_thread` when naming another) once it has applied (403 `not_applied`). Closed threads " +
    "(a declined or withdrawn application, a cancelled job) stay readable. A job the caller may not see: 404. " +
    "Customer messages carry the customer's public name, never their full last name or contact details. " +
    "Reading records nothing.",
  tags: ["Marketplace"],
  access: "user",
  params: jobParams,
  query: jobMessagesQuery,
  responses: { 200: { description: "A page of the thread.", schema: jobMessagePageDto } },
  errors: [403],
});

registerRoute({
  method: "post",
  path: "/api/jobs/{jobId}/messages",
  operationId: "sendJobMessage",
  summary: "Send a message about a job",
  description:
    "One thread per provider business. While the job is open, the customer and each provider whose application is pending (a withdrawn application closes its thread); " +
    "once booked or completed, the customer and the booked provider; a cancelled job takes none. The customer " +
    "names the thread with `provider_business_id`; a provider always writes in its own.",
  tags: ["Marketplace"],
  access: "user",
  params: jobParams,
  body: messageInput,
  responses: { 201: { description: "The message.", schema: messageDto } },
  errors: [403, 409, 422],
});
