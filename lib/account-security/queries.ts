/** The signed-in person's live sessions, for the account page and GET /api/me/sessions. */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { liveSession } from "@/lib/auth/sessions";
import { requireUser } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { sessionListDto, type SessionListDto } from "./dto";

export async function listSessions(db: Database, actor: Actor): Promise<SessionListDto> {
  const user = requireUser(actor);
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, user.userId), liveSession))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
  return sessionListDto.parse({
    sessions: rows.map((row) => ({
      session_id: row.id,
      created_at: iso(row.createdAt),
      last_seen_at: iso(row.lastSeenAt),
      expires_at: iso(row.expiresAt),
      user_agent: row.userAgent,
      current: row.id === user.sessionId,
    })),
  });
}
