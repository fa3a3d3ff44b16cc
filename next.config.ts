import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native, WASM and dynamically importing packages load from node_modules at run time instead of
  // being bundled; prom-client must be one module instance for its registry to be shared.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pg",
    "@neondatabase/serverless",
    "ws",
    "proper-lockfile",
    "prom-client",
    "amqplib",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Forms post small text; anything bigger is refused before an action runs.
    serverActions: { bodySizeLimit: "256kb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
