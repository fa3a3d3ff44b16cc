/**
 * What the application routes accept: the application in the path, and an application's message.
 */
import { id, text } from "@/lib/inputs";
import { z } from "zod";
import { jobId } from "@/lib/marketplace/jobs/inputs";

export const applicationParams = z.object({ jobId, applicationId: id("That link does not point to an application.") });
export const applyInput = z.object({ message: text(2000, "Say why you are a good fit.") });
export type ApplyInput = z.output<typeof applyInput>;
