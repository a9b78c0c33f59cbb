import fs from "node:fs";
import path from "node:path";

const CONTROL_FILE = "control.json";

/** Where the running server listens for operator commands; the file is readable by its owner only. */
export type ControlEndpoint = {
  pid: number;
  token: string;
  socketPath?: string;
  port?: number;
};

// sockaddr_un.sun_path is 108 bytes on Linux; keep a margin for the terminating NUL.
export const MAX_SOCKET_PATH = 100;

export const controlFile = (dataDir: string) => path.join(dataDir, CONTROL_FILE);

export function readControlEndpoint(dataDir: string): ControlEndpoint | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(controlFile(dataDir), "utf8")) as ControlEndpoint;
    return typeof parsed.token === "string" && (parsed.socketPath || parsed.port) ? parsed : null;
  } catch {
    return null;
  }
}
