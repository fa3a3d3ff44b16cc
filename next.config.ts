import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "@neondatabase/serverless", "ws", "proper-lockfile"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
