/** GET /api/cron/<job>: the scheduled jobs of lib/cron/jobs.ts, for Vercel Cron (bearer CRON_SECRET). */
import { cronRoute } from "@/lib/cron/cron-route";

export const GET = cronRoute;
// The relay and the retention job work in batches and stop early; give them room on Vercel.
export const maxDuration = 300;
