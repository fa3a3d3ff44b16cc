/**
 * A WebSocket-to-TCP bridge, so Neon's serverless driver can be tested against a local Postgres:
 * the driver opens ws://127.0.0.1:PORT/v1?address=host:port and we pipe it to that TCP socket.
 */
import net from "node:net";
import { WebSocketServer, createWebSocketStream } from "ws";

export async function startNeonBridge(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "", "http://bridge").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    const tcp = net.connect(Number(port), host === "localhost" ? "127.0.0.1" : host);
    const stream = createWebSocketStream(socket);
    stream.pipe(tcp).pipe(stream);
    const end = () => {
      tcp.destroy();
      socket.terminate();
    };
    tcp.on("error", end);
    stream.on("error", end);
  });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}
