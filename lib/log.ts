/**
 * Structured logs: pino, one JSON line per event on stdout (pretty-print by piping, never
 * in-process). Every line written while serving a request carries its trace id.
 */
import pino from "pino";
import { currentTraceId } from "@/lib/observability/context";

const globalForLog = globalThis as { __clienteleLog?: pino.Logger };

export const log: pino.Logger = (globalForLog.__clienteleLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "clientele" },
  mixin: () => {
    const traceId = currentTraceId();
    return traceId ? { traceId } : {};
  },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
    censor: "[redacted]",
  },
}));
