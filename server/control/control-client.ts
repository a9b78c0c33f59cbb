import net from "node:net";
import type { ControlEndpoint } from "@/server/control/control-channel";
import type { OperatorRequest, OperatorResult } from "@/server/control/operator-commands";

/** The running server did not answer an operator command in a way the CLI could use. */
export class ControlReplyError extends Error {}

export type ControlReply = { ok: true; result: OperatorResult } | { ok: false; error: string };

/** Sends one operator command to the running server and waits for its reply. */
export function sendControlCommand(
  endpoint: ControlEndpoint,
  request: OperatorRequest,
  timeoutMs = 30_000,
): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = endpoint.socketPath
      ? net.createConnection(endpoint.socketPath)
      : net.createConnection(endpoint.port ?? 0, "127.0.0.1");
    let buffer = "";
    socket.setEncoding("utf8");
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(
        new ControlReplyError(
          "The running Vigil server did not answer in time; try again in a moment.",
        ),
      );
    });
    socket.on("connect", () =>
      socket.write(JSON.stringify({ token: endpoint.token, request }) + "\n"),
    );
    socket.on("data", (chunk: string) => (buffer += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      try {
        resolve(JSON.parse(buffer) as ControlReply);
      } catch {
        reject(
          new ControlReplyError(
            "The running Vigil server sent a reply the CLI could not read; are both the same Vigil version?",
          ),
        );
      }
    });
  });
}
