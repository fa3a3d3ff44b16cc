"use server";
/** The admin page's "Retry dead events" button. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { retryDeadEvents } from "./admin";

export const retryDeadEventsAction = action(z.object({}), async ({ db, actor }) => {
  const result = await retryDeadEvents(db, actor);
  revalidatePath("/admin");
  return result;
});
