/** Auth.js endpoints: csrf, session, sign-in callback (credentials), sign-out. */
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
