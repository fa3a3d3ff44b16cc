/** POST: a customer posts a job (201 with the job). */
import { created, route } from "@/lib/http/route";
import { postJobInput } from "@/lib/marketplace/inputs";
import { postJob } from "@/lib/marketplace/jobs";

export const POST = route({ body: postJobInput }, async ({ db, actor, body }) => created(await postJob(db, actor, body)));
