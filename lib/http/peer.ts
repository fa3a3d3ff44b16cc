/**
 * The socket's own peer address and protocol, for route handlers, which under `next start` see
 * only headers. Next sets X-Forwarded-For from the socket only when the request has none (base-server's
 * `??=`, checked in next 16.4), so under plain `next start` that header is whatever the client sent.
 *
 * installPeerHeaders() (instrumentation.ts, once per server process) wraps Node's HTTP servers so
 * that every request, before Next sees it, carries PEER_HEADER = socket.remoteAddress and
 * PEER_PROTO_HEADER = "https" or "http" from the socket, overwriting whatever a client sent under
 * those names. client-ip.ts trusts them only in the process where the hook is installed.
 */
import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";

export const PEER_HEADER = "x-clientele-peer";
export const PEER_PROTO_HEADER = "x-clientele-peer-proto";

const INSTALLED = Symbol.for("clientele.peerHeaders");
const state = globalThis as { [INSTALLED]?: boolean };

export function peerHeadersInstalled(): boolean {
  return state[INSTALLED] === true;
}

/** Stamps the socket's peer onto a request's headers (overwriting a client's copy of ours). */
export function stampPeer(req: http.IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
  req.headers[PEER_PROTO_HEADER] = (req.socket as Partial<TLSSocket>).encrypted ? "https" : "http";
}

/** Idempotent: wraps http.Server's and https.Server's emit so each "request" is stamped first. */
export function installPeerHeaders(): void {
  if (state[INSTALLED]) return;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    const wrapped = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stampPeer(args[0] as http.IncomingMessage);
      return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(
        this,
        event,
        ...args,
      );
    };
    proto.emit = wrapped as typeof proto.emit;
  }
  state[INSTALLED] = true;
}
