/**
 * The input conventions shared by every form and route: free text is trimmed, required where it
 * must be, and capped with a message a person can act on.
 */
import { z } from "zod";

export const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `At most ${max} characters.`);
