import pino from "pino";
import type { Config } from "@/server/config";

export function createLogger(level: Config["logLevel"]) {
  return pino({
    level,
    base: { app: "vigil" },
    redact: {
      paths: ["password", "*.password", "key", "*.key", "token", "*.token"],
      censor: "[redacted]",
    },
  });
}
