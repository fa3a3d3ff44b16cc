/**
 * A route handler on a real socket: a node:http server that hands each request to the handler as
 * Next's adapter does (a NextRequest whose headers are the IncomingMessage's `headers`, whose body
 * streams from the socket) and writes the Response back. For tests of what only a socket shows:
 * the peer address (lib/http/peer.ts), slow and aborted bodies.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type Served = { url: string; port: number; server: http.Server; close(): Promise<void> };

export async function serve(
  handler: Handler,
  onResponse?: (res: Response) => void,
  tls?: { key: string; cert: string },
): Promise<Served> {
  const listener = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new NextRequest(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      ...(hasBody && { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" }),
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await handler(request, { params: Promise.resolve({}) });
    onResponse?.(response);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request from a local address of the caller's choosing (any 127.x.y.z reaches the server). */
export function send(
  served: Served,
  {
    method = "GET",
    path = "/",
    headers = {},
    body,
    localAddress,
  }: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: served.port, method, path, headers, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A loopback address of its own, so per-IP counters of a test never meet another's. */
export const uniqueLoopback = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
