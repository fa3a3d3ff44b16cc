/** GET: one thread's messages, a page at a time (newest page first). POST: a message in a job's thread, from the customer or a provider (201). */
import { created, route } from "@/lib/http/route";
import { jobParams } from "@/lib/marketplace/jobs/inputs";
import { messageInput } from "@/lib/marketplace/messages/inputs";
import { jobMessagesQuery } from "@/lib/marketplace/messages/inputs";
import { listJobMessages } from "@/lib/marketplace/messages/queries";
import { sendJobMessage } from "@/lib/marketplace/messages/mutations";

export const GET = route({ params: jobParams, query: jobMessagesQuery }, ({ db, actor, params, query }) =>
  listJobMessages(db, actor, params.jobId, query),
);

export const POST = route({ params: jobParams, body: messageInput }, async ({ db, actor, params, body }) =>
  created(await sendJobMessage(db, actor, params.jobId, body)),
);
