/** STUB — replaced by the rate-limit implementation. */
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

export type PolicyName = "write" | "signIn" | "profileView" | "achievementProgress" | "register";
export type Subject = { actor: Actor; ip: string };

export async function consume(_db: Database, _policy: PolicyName, _subject: Subject): Promise<void> {}
