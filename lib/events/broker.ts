/**
 * The link to RabbitMQ: one amqplib connection and one ConfirmChannel per process and broker,
 * cached on globalThis (Next loads modules several times), on durable topic exchanges: each event
 * goes to its aggregate's (lib/events/catalog.ts: customer events on `bee.customers.events`, the
 * rest on `clientele.events`), and a link declares them all when it opens. Publishing waits for the broker's confirm of each message, because the
 * relay may only mark an event sent once the broker has taken responsibility for it.
 *
 * A broker that is down fails fast (a short connect timeout); a link that errors or closes is
 * dropped from the cache, so the next relay pass reconnects. No automatic recovery in between:
 * the relay loop already retries with backoff, and a pass that finds no broker touches nothing.
 */
import "server-only";
import amqp, { IllegalOperationError, type ChannelModel, type ConfirmChannel, type Options } from "amqplib";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { messageOf, withTimeout } from "@/lib/async";
import { DEFAULT_EXCHANGE, EXCHANGES, exchangeOf } from "./catalog";

/** The platform's own exchange (customer events have theirs: CUSTOMERS_EXCHANGE in ./catalog.ts). */
export const EXCHANGE = DEFAULT_EXCHANGE;
const CONNECT_TIMEOUT_MS = 2_500;
const CONFIRM_TIMEOUT_MS = 10_000;

/** What consumers receive as the message body (JSON). */
export type EventEnvelope = {
  id: string;
  type: string;
  version: number;
  occurred_at: string;
  trace_id: string | null;
  business_id: string | null;
  aggregate: { type: string; id: string };
  data: unknown;
};

export type PublishOutcome =
  | { status: "confirmed" }
  /** The broker nacked it, or it could not be encoded: the event's attempt counts. */
  | { status: "refused"; error: string }
  /** The link went away before a confirm: not the event's fault, and it may or may not have arrived. */
  | { status: "unavailable"; error: string };

export interface EventPublisher {
  /**
   * Publishes the envelopes in order and settles once each is confirmed, refused or lost.
   * Rejects with BrokerUnavailableError when the broker cannot be reached at all.
   */
  publish(envelopes: readonly EventEnvelope[]): Promise<PublishOutcome[]>;
}

export class BrokerUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The message broker cannot be reached: ${messageOf(cause)}`, { cause });
    this.name = "BrokerUnavailableError";
  }
}

type Link = {
  connection: ChannelModel;
  channel: ConfirmChannel;
  open: boolean;
  /** Closes the link and forgets it, so the next publish connects afresh. */
  drop(reason: string, error?: unknown): void;
};

const LINKS = Symbol.for("clientele.broker.links");
const globalForBroker = globalThis as { [LINKS]?: Map<string, Promise<Link>> };
const links: Map<string, Promise<Link>> = (globalForBroker[LINKS] ??= new Map());

export type PublisherOptions = {
  /**
   * One exchange for every event, instead of each aggregate's own (exchangeOf): a separate
   * exchange keeps a test's traffic apart from everyone's.
   */
  exchange?: string;
  connectTimeoutMs?: number;
  /** How long to wait for the broker to confirm a batch before treating the link as lost. */
  confirmTimeoutMs?: number;
};

/** A publisher to the broker at `url`; the connection is shared by every publisher of that url and exchanges. */
export function amqpPublisher(url: string, options: PublisherOptions = {}): EventPublisher {
  const fixed = options.exchange;
  const exchanges = fixed ? [fixed] : EXCHANGES;
  const route = fixed ? () => fixed : exchangeOf;
  const key = `${exchanges.join(",")} ${url}`;
  const link = () => {
    let pending = links.get(key);
    if (!pending) {
      pending = openLink(url, exchanges, key, options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS).catch((error) => {
        links.delete(key);
        throw new BrokerUnavailableError(error);
      });
      links.set(key, pending);
    }
    return pending;
  };
  return {
    async publish(envelopes) {
      if (envelopes.length === 0) return [];
      return publishConfirmed(await link(), route, envelopes, options.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS);
    },
  };
}

/** The publisher for AMQP_URL, or null when no broker is configured (events then wait in the outbox). */
export function configuredPublisher(): EventPublisher | null {
  const url = env().AMQP_URL;
  return url ? amqpPublisher(url) : null;
}

/** Closes every cached link (tests, shutdown). Events not yet confirmed stay pending and are published again. */
export async function closeBroker(): Promise<void> {
  const open = [...links.values()];
  links.clear();
  await Promise.all(
    open.map((pending) =>
      pending
        .then((link) => {
          link.open = false; // a deliberate close, not a dropped link worth a warning
          return close(link);
        })
        .catch(() => {}),
    ),
  );
}

async function openLink(url: string, exchanges: readonly string[], key: string, timeoutMs: number): Promise<Link> {
  const connection = await amqp.connect(url, {
    timeout: timeoutMs,
    clientProperties: { connection_name: "clientele outbox relay" },
  });
  const cached = links.get(key);
  const link = { connection, open: true } as Link;
  link.drop = (reason, error) => {
    if (!link.open) return;
    link.open = false;
    if (links.get(key) === cached) links.delete(key);
    log.warn({ err: error, exchanges }, `broker link dropped: ${reason}`);
    void close(link);
  };
  const drop = link.drop;
  // Both emitters must have an error listener, or an error would crash the process.
  connection.on("error", (error) => drop("connection error", error));
  connection.on("close", (error) => drop("connection closed", error));
  try {
    await withTimeout(
      (async () => {
        link.channel = await connection.createConfirmChannel();
        link.channel.on("error", (error) => drop("channel error", error));
        link.channel.on("close", () => drop("channel closed"));
        for (const exchange of exchanges) await link.channel.assertExchange(exchange, "topic", { durable: true });
      })(),
      timeoutMs,
      "opening the channel",
    );
  } catch (error) {
    link.open = false; // never cached as open: the caller's catch forgets it
    await close(link);
    throw error;
  }
  return link;
}

function publishConfirmed(
  link: Link,
  exchangeFor: (type: string) => string,
  envelopes: readonly EventEnvelope[],
  confirmTimeoutMs: number,
): Promise<PublishOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: (PublishOutcome | undefined)[] = new Array(envelopes.length);
    let remaining = envelopes.length;
    const settle = (index: number, outcome: PublishOutcome) => {
      if (outcomes[index]) return;
      outcomes[index] = outcome;
      if (--remaining === 0) {
        clearTimeout(timer);
        resolve(outcomes as PublishOutcome[]);
      }
    };
    // A blocked or half-dead link never answers; give up on it so the transaction holding these
    // rows ends and the next pass starts afresh on a new connection.
    const timer = setTimeout(() => {
      const error = `no confirm from the broker within ${confirmTimeoutMs} ms`;
      link.drop(error);
      envelopes.forEach((_, i) => settle(i, { status: "unavailable", error }));
    }, confirmTimeoutMs);
    envelopes.forEach((envelope, i) => {
      try {
        link.channel.publish(
          exchangeFor(envelope.type),
          envelope.type,
          Buffer.from(JSON.stringify(envelope)),
          properties(envelope),
          (err) => settle(i, err ? failure(err, link) : { status: "confirmed" }),
        );
      } catch (err) {
        settle(i, failure(err, link));
      }
    });
  });
}

function properties(envelope: EventEnvelope): Options.Publish {
  return {
    persistent: true,
    contentType: "application/json",
    messageId: envelope.id,
    type: envelope.type,
    timestamp: Math.floor(Date.parse(envelope.occurred_at) / 1000),
    appId: "clientele",
    headers: { version: envelope.version, trace_id: envelope.trace_id, business_id: envelope.business_id },
  };
}

/** A nack or an unencodable message is the event's problem; a closed channel is the link's. */
function failure(error: unknown, link: Link): PublishOutcome {
  const message = messageOf(error);
  if (message === "message nacked") return { status: "refused", error: "the broker refused the message (nack)" };
  if (!link.open || error instanceof IllegalOperationError || /closed/i.test(message)) {
    return { status: "unavailable", error: message };
  }
  return { status: "refused", error: message };
}

async function close(link: Link) {
  try {
    await link.connection.close();
  } catch {
    // Already closed or never fully open: nothing left to release.
  }
}
