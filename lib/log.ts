/** Structured logs: pino, one JSON line per event on stdout (pretty-print by piping, never in-process). */
import pino from "pino";

const globalForLog = globalThis as { __clienteleLog?: pino.Logger };

export const log: pino.Logger = (globalForLog.__clienteleLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "clientele" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], censor: "[redacted]" },
}));
