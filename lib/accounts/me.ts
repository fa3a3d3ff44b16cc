/** "Who am I": the signed-in account, the business it acts for and all its memberships. */
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/authz/policy";
import { toMeDto, type MeDto } from "./dto";

// The actor was read fresh from the database for this request (lib/auth/actor.ts), so no query here.
export function getMe(actor: Actor): MeDto {
  return toMeDto(requireUser(actor));
}
