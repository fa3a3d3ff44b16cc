/**
 * Whose address a per-IP limit counts (TRUST_PROXY, lib/http/client-ip.ts), through the real route
 * wrapper and limiter on a real socket: under the default a client that rotates X-Forwarded-For
 * still spends one address's limit, because the address is the socket's peer; with TRUST_PROXY=1
 * the rightmost entry (what our one proxy appended) is the client.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import https from "node:https";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { route } from "@/lib/http/route";
import { POLICIES } from "@/lib/rate-limit";
import { send, serve, uniqueLoopback, type Served } from "@/test/serve";
import { clientIp, requestProtocol } from "./client-ip";
import { installPeerHeaders, PEER_HEADER } from "./peer";

const { routeDatabase, useDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
const t = await routeDatabase();
useDatabase(t.db);

const perIp = POLICIES.register[0].points;
const cache = globalThis as { __clienteleEnv?: unknown };
function trustProxy(value: string) {
  vi.stubEnv("TRUST_PROXY", value);
  delete cache.__clienteleEnv;
}
afterEach(() => {
  vi.unstubAllEnvs();
  delete cache.__clienteleEnv;
});

const seen: string[] = [];
const limited = route({ access: "public", rateLimit: "register" }, ({ req }) => {
  seen.push(clientIp(req.headers));
  return { ok: true };
});

let served: Served;
beforeAll(async () => {
  installPeerHeaders();
  served = await serve(limited);
});
afterAll(() => served.close());

const rotating = (i: number) => `198.51.100.${i}, 203.0.113.${i}`;

describe("under the default (TRUST_PROXY unset)", () => {
  it("counts the socket's peer: rotating X-Forwarded-For (and a forged peer header) does not escape the per-IP limit", async () => {
    trustProxy("");
    const from = uniqueLoopback();
    const statuses: number[] = [];
    for (let i = 1; i <= perIp + 2; i++) {
      const res = await send(served, {
        method: "POST",
        localAddress: from,
        headers: { "x-forwarded-for": rotating(i), "x-real-ip": `192.0.2.${i}`, [PEER_HEADER]: `192.0.2.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(perIp).fill(200), 429, 429]);
    expect(new Set(seen.splice(0))).toEqual(new Set([from]));
  });

  it("reads the protocol from the socket: TLS is https (and gets HSTS), plain http is http whatever the header says", async () => {
    trustProxy("");
    const dir = mkdtempSync(path.join(tmpdir(), "clientele-tls-"));
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-days",
        "1",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const protocolOf = route({ access: "public", rateLimit: false }, ({ req }) => ({
      protocol: requestProtocol(req.headers),
    }));
    const overTls = await serve(protocolOf, undefined, {
      key: readFileSync(key, "utf8"),
      cert: readFileSync(cert, "utf8"),
    });
    const plain = await serve(protocolOf);
    try {
      const tlsRes = await fetchInsecure(`${overTls.url}/api/x`);
      expect(tlsRes).toMatchObject({ body: { protocol: "https" }, hsts: "max-age=63072000; includeSubDomains" });
      const plainRes = await send(plain, { path: "/api/x", headers: { "x-forwarded-proto": "https" } });
      expect(JSON.parse(plainRes.text)).toEqual({ protocol: "http" });
      expect(plainRes.headers["strict-transport-security"]).toBeUndefined();
    } finally {
      await Promise.all([overTls.close(), plain.close()]);
    }
  });

  it("calls a request no hooked server stamped 'unknown', never a header's value", () => {
    trustProxy("");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
    expect(requestProtocol(new Headers({ "x-forwarded-proto": "https" }))).toBe("http");
  });
});

describe("with TRUST_PROXY=1 (one appending proxy in front)", () => {
  it("counts the rightmost X-Forwarded-For entry, whatever the client put left of it", async () => {
    trustProxy("1");
    const client = "203.0.113.77";
    const fresh = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const statuses: number[] = [];
    for (let i = 1; i <= perIp + 1; i++) {
      const res = await send(served, { method: "POST", headers: { "x-forwarded-for": `198.51.100.${i}, ${fresh}` } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(perIp).fill(200), 429]);
    expect(new Set(seen.splice(0))).toEqual(new Set([fresh]));
    expect(clientIp(new Headers({ "x-forwarded-for": `1.2.3.4, ${client}` }))).toBe(client);
    expect(requestProtocol(new Headers({ "x-forwarded-proto": "http, https" }))).toBe("https");
  });

  it("takes the Nth entry from the right with N hops, and the furthest when fewer came", () => {
    trustProxy("2");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
  });
});

describe("with TRUST_PROXY=vercel", () => {
  it("reads the platform's header, not X-Forwarded-For's first entry", () => {
    trustProxy("vercel");
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", "x-vercel-forwarded-for": "203.0.113.8" });
    expect(clientIp(headers)).toBe("203.0.113.8");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }))).toBe("203.0.113.9");
  });
});

/** A GET over TLS to a server with a self-signed certificate. */
function fetchInsecure(url: string): Promise<{ body: unknown; hsts: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { rejectUnauthorized: false, headers: { "x-forwarded-proto": "http" } }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () =>
        resolve({ body: JSON.parse(text), hsts: res.headers["strict-transport-security"] as string | undefined }),
      );
    });
    req.on("error", reject);
  });
}
