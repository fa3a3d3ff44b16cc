/** What the account-security routes send back; every field is named here. */
import { z } from "zod";
import { at } from "@/lib/dto";

export const sessionDto = z
  .strictObject({
    session_id: z.uuid(),
    created_at: at,
    last_seen_at: at,
    expires_at: at,
    /** The browser or client's User-Agent at sign-in, cut short; null if it sent none. */
    user_agent: z.string().nullable(),
    /** Whether this is the session the request came with. */
    current: z.boolean(),
  })
  .meta({ id: "Session" });
export type SessionDto = z.infer<typeof sessionDto>;

export const sessionListDto = z.strictObject({ sessions: z.array(sessionDto) }).meta({ id: "SessionList" });
export type SessionListDto = z.infer<typeof sessionListDto>;

export const sessionsEndedDto = z
  .strictObject({
    /** How many sessions this ended. */
    ended_sessions: z.int().nonnegative(),
  })
  .meta({ id: "SessionsEnded" });
export type SessionsEndedDto = z.infer<typeof sessionsEndedDto>;

export const suspensionDto = z
  .strictObject({
    user_id: z.uuid(),
    suspended: z.boolean(),
    suspended_at: at.nullable(),
    ended_sessions: z.int().nonnegative(),
  })
  .meta({ id: "Suspension" });
export type SuspensionDto = z.infer<typeof suspensionDto>;
