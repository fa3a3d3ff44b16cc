/**
 * A controllable TCP forwarder for tests: clients connect to the proxy's port and are piped to the
 * real server behind it. stop() closes the listener and cuts every open connection (the client
 * sees the link drop, then "connection refused"); start() listens again on the same port. It lets
 * a test take "the broker" away from the code under test while the broker itself keeps running
 * for everyone else.
 *
 *   const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5672 });
 *   proxy.url("amqp://guest:guest@127.0.0.1:5672")   // same URL, the proxy's port
 *   await proxy.stop(); ... await proxy.start(); ... await proxy.close();
 */
import net from "node:net";

export type TcpProxy = {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string;
  /** Stops listening and destroys every forwarded connection. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  readonly running: boolean;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = async () => {
    const next = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        // Either side failing ends both: the client must see the link drop, not hang.
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => resolve());
    });
    port = (next.address() as net.AddressInfo).port;
    server = next;
  };

  const stop = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get running() {
      return server !== null;
    },
    url(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    stop,
    async start() {
      if (!server) await listen();
    },
    close: stop,
  };
}
