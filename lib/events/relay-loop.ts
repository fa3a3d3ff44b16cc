/**
 * The in-process relay for long-lived servers (`next start`): a relay pass about every second while
 * AMQP_URL is set, backing off while the broker (or the database) is down. Passes never overlap,
 * the timer does not keep the process alive, a failure is logged and never thrown, and starting it
 * twice (Next may evaluate instrumentation more than once) still runs one loop per process.
 * Serverless deployments have no long-lived process; they run the same pass from a cron route.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { type Database } from "@/db/client";
import { log } from "@/lib/log";
import type { EventPublisher } from "./broker";
import { relayPending, type RelayResult } from "./relay";

const INTERVAL_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

export type RelayLoopOptions = {
  intervalMs?: number;
  /** Defaults to the application database. */
  db?: () => Promise<Database>;
  /** Defaults to the broker at AMQP_URL. */
  publisher?: EventPublisher;
};

type Loop = { stop: () => void };
const LOOP = Symbol.for("clientele.relayLoop");
const globalForLoop = globalThis as { [LOOP]?: Loop };

/** Starts the loop once per process and returns a function that stops it. */
export function startRelayLoop(options: RelayLoopOptions = {}): () => void {
  const running = globalForLoop[LOOP];
  if (running) return running.stop;
  const interval = options.intervalMs ?? INTERVAL_MS;
  const openDb = options.db ?? getDb;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let delay = interval;

  const pass = async () => {
    let result: RelayResult | undefined;
    try {
      result = await relayPending(await openDb(), options.publisher ? { publisher: options.publisher } : {});
    } catch (err) {
      log.warn({ err }, "outbox relay pass failed");
    }
    if (stopped) return;
    if (!result || result.brokerUnavailable) {
      delay = Math.min(MAX_BACKOFF_MS, Math.max(interval, delay * 2)); // down: try less often, up to 30 s
    } else {
      // A backlog that is moving goes again at once; otherwise wait for new events.
      delay = result.published > 0 && result.pending > 0 ? 0 : interval;
    }
    schedule();
  };

  const schedule = () => {
    timer = setTimeout(() => void pass(), delay);
    timer.unref();
  };

  const loop: Loop = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      if (globalForLoop[LOOP] === loop) delete globalForLoop[LOOP];
    },
  };
  globalForLoop[LOOP] = loop;
  schedule();
  log.info({ intervalMs: interval }, "outbox relay loop started");
  return loop.stop;
}
