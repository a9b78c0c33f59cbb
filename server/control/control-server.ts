import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { ServiceCtx } from "@/server/services/context";
import { isServiceError } from "@/server/services/errors";
import {
  controlFile,
  MAX_SOCKET_PATH,
  type ControlEndpoint,
} from "@/server/control/control-channel";
import { operatorRequest, runOperatorCommand } from "@/server/control/operator-commands";

const MAX_REQUEST_BYTES = 64 * 1024;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Lets `npx vigil` run operator commands inside the server that holds the database: a Unix socket in
 * the data dir (or loopback TCP when that path is too long), plus a random token in a 0600 file.
 */
export async function startControlServer(opts: {
  dataDir: string;
  ctx: () => ServiceCtx;
  logger: Logger;
}): Promise<{ close: () => Promise<void> }> {
  const token = randomBytes(32).toString("base64url");
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on("error", () => {});
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_REQUEST_BYTES) return socket.destroy();
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      socket.pause();
      void answer(buffer.slice(0, newline)).then((reply) =>
        socket.end(JSON.stringify(reply) + "\n"),
      );
    });
  });

  const answer = async (line: string) => {
    try {
      const raw = JSON.parse(line) as { token?: unknown; request?: unknown };
      if (typeof raw.token !== "string" || !sameToken(raw.token, token))
        return { ok: false, error: "not authorised" };
      const request = operatorRequest.parse(raw.request);
      opts.logger.info({ command: request.command }, "operator command");
      return { ok: true, result: await runOperatorCommand(opts.ctx(), request) };
    } catch (e) {
      if (isServiceError(e)) return { ok: false, error: e.message, code: e.code };
      if (e instanceof ZodError || e instanceof SyntaxError)
        return { ok: false, error: "malformed request" };
      opts.logger.error({ err: e }, "operator command failed");
      return { ok: false, error: "internal error (see the server log)" };
    }
  };

  const socketPath = path.join(opts.dataDir, "vigil.sock");
  const endpoint: ControlEndpoint = { pid: process.pid, token };
  if (socketPath.length <= MAX_SOCKET_PATH) {
    fs.rmSync(socketPath, { force: true });
    const previous = process.umask(0o177);
    try {
      await listen(server, socketPath);
    } finally {
      process.umask(previous);
    }
    fs.chmodSync(socketPath, 0o600);
    endpoint.socketPath = socketPath;
  } else {
    await listen(server, 0, "127.0.0.1");
    endpoint.port = (server.address() as net.AddressInfo).port;
  }
  const file = controlFile(opts.dataDir);
  fs.writeFileSync(file + ".tmp", JSON.stringify(endpoint) + "\n", { mode: 0o600 });
  fs.renameSync(file + ".tmp", file);

  return {
    close: async () => {
      fs.rmSync(file, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (endpoint.socketPath) fs.rmSync(endpoint.socketPath, { force: true });
    },
  };
}

function listen(server: net.Server, where: string | number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const done = () => {
      server.off("error", reject);
      resolve();
    };
    if (typeof where === "string") server.listen(where, done);
    else server.listen(where, host, done);
  });
}
