/** POST: puts every dead outbox event back in line (platform administrators). */
import { route } from "@/lib/http/route";
import { retryDeadEvents } from "@/lib/events/admin";

export const POST = route({}, ({ db, actor }) => retryDeadEvents(db, actor));
