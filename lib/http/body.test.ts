/**
 * Slow and aborted bodies over a real socket, through the real route wrapper: a body trickled in a
 * byte at a time is cut off at its deadline with a 408 (and the connection closed), not held for
 * Node's 300 s; an upload the client aborts is a 400 `body_aborted` in the response and the
 * metrics, never a 500 or an error in the log.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { log } from "@/lib/log";
import { metrics } from "@/lib/observability/metrics";
import { serve, type Served } from "@/test/serve";
import { DEFAULT_DEADLINES, json } from "./bodies";
import { route } from "./route";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

const note = z.object({ text: z.string() });
const DEADLINE_MS = 400;
const handler = vi.fn(({ body }: { body: z.output<typeof note> }) => body);
const answered: Response[] = [];
let served: Served;
beforeAll(async () => {
  served = await serve(
    route({ access: "public", rateLimit: false, body: json(note, { deadlineMs: DEADLINE_MS }) }, handler),
    (res) => answered.push(res.clone()),
  );
});
afterAll(() => served.close());

/** A raw socket that sends the head of a POST declaring `length` bytes, then what `send` writes. */
function rawPost(length: number) {
  const socket = net.connect(served.port, "127.0.0.1");
  socket.write(
    `POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
  );
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.on("error", () => {});
  return { socket, closed, received: () => received };
}

const requests = async (status: string) =>
  (await metrics.httpRequests.get()).values
    .filter((v) => v.labels.status === status && v.labels.method === "POST")
    .reduce((sum, v) => sum + v.value, 0);

describe("a body trickled in slower than its deadline", () => {
  it("is answered 408 with Connection: close at the deadline, and the handler never runs", async () => {
    const body = JSON.stringify({ text: "x".repeat(50) });
    const client = rawPost(body.length);
    const started = Date.now();
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < body.length && !client.socket.destroyed) client.socket.write(body[sent++]!);
    }, 100);
    await client.closed;
    clearInterval(drip);
    const elapsed = Date.now() - started;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(client.received()).toMatch(/connection: close/i);
    expect(client.received()).toContain('"code":"request_timeout"');
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 2_000); // the whole body would have taken 5 s
    expect(sent).toBeLessThan(body.length);
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives JSON and webhook bodies 10 s unless the route says otherwise", async () => {
    expect(DEFAULT_DEADLINES.json).toBe(10_000);
    expect(DEFAULT_DEADLINES.signed).toBe(10_000);
    vi.useFakeTimers();
    try {
      const stalled = new Request("http://localhost/api/notes", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({ pull: () => new Promise(() => {}) }),
        duplex: "half",
      } as RequestInit);
      const read = json(note).read(stalled);
      const outcome = read.catch((error: { code?: string }) => error.code);
      await vi.advanceTimersByTimeAsync(9_999);
      await vi.advanceTimersByTimeAsync(2);
      expect(await outcome).toBe("request_timeout");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("an upload the client aborts", () => {
  it("is a 400 body_aborted in the response and metrics, and logs no error", async () => {
    const logged = vi.spyOn(log, "error");
    const before = { aborted: await requests("400"), failed: await requests("500") };
    answered.length = 0;
    const client = rawPost(1_000);
    client.socket.write('{"text":"half of it');
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.socket.destroy();
    await vi.waitFor(() => expect(answered).toHaveLength(1), { timeout: 5_000 });
    const [response] = answered;
    expect(response!.status).toBe(400);
    expect((await response!.json()).error).toMatchObject({ code: "bad_request", reason: "body_aborted" });
    expect(await requests("400")).toBe(before.aborted + 1);
    expect(await requests("500")).toBe(before.failed);
    expect(logged).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });
});
