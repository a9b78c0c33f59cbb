import pino from "pino";
import type { Config } from "@/server/config";

/** The JSON logger; `destination` (default stdout) lets a test read the lines. */
export function createLogger(level: Config["logLevel"], destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { app: "vigil" },
      redact: {
        paths: ["password", "*.password", "key", "*.key", "token", "*.token"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
