/** POST: a message in a job's thread, from the customer or a provider (201). */
import { created, route } from "@/lib/http/route";
import { jobParams, messageInput } from "@/lib/marketplace/inputs";
import { sendJobMessage } from "@/lib/marketplace/messages";

export const POST = route({ params: jobParams, body: messageInput }, async ({ db, actor, params, body }) =>
  created(await sendJobMessage(db, actor, params.jobId, body)),
);
