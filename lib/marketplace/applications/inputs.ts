/**
 * What the application routes accept: the application in the path, and an application's message.
 */
import { id, text } from "@/lib/inputs";
import { z } from "zod";

export const applicationParams = z.object({ jobId: id(), applicationId: id() });
export const applyInput = z.object({ message: text(2000, "Say why you are a good fit.") });
export type ApplyInput = z.output<typeof applyInput>;
