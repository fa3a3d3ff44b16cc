/**
 * Invitation tokens: 32 random bytes, shown once in the link; the database keeps only their
 * SHA-256, so a leaked table cannot be turned into working links.
 */
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(origin: string, token: string): string {
  return new URL(`/invite/${token}`, origin).toString();
}
