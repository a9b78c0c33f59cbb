import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPrivateAddress } from "@/server/checks/http/classify-address";
import { guardedLookup } from "@/server/checks/http/guarded-lookup";

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

export type PostOptions = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateTargets: boolean;
};

const MAX_ERROR_BODY = 300;

/**
 * POSTs to a receiver and resolves on a 2xx; otherwise rejects with the receiver's own words
 * ("HTTP 500: …") or the network failure. The whole exchange ends by `timeoutMs`, so a receiver
 * that hangs costs bounded time. Private addresses are refused unless the server allows them.
 */
export function postToReceiver(rawUrl: string, options: PostOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return reject(new DeliveryError("the channel URL is not a valid URL"));
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return reject(new DeliveryError("the channel URL must be http:// or https://"));
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (!options.allowPrivateTargets && net.isIP(host) !== 0 && isPrivateAddress(host))
      return reject(new DeliveryError(`Blocked target: ${host} is a private address`));
    const body = Buffer.from(options.body);
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { ...options.headers, "content-length": String(body.length) },
      agent: false,
      lookup: options.allowPrivateTargets ? undefined : guardedLookup,
    });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => settle(new DeliveryError(`the receiver did not answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on("error", (err: NodeJS.ErrnoException) =>
      settle(new DeliveryError(err.code ? `${err.code}: ${err.message}` : err.message)),
    );
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        response.resume();
        response.on("end", () => settle(null));
        return;
      }
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
        if (text.length >= MAX_ERROR_BODY) response.destroy();
      });
      const fail = () => {
        const said = text.replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_BODY);
        settle(new DeliveryError(`HTTP ${status}${said ? `: ${said}` : ""}`));
      };
      response.on("end", fail);
      response.on("close", fail);
      response.on("error", fail);
    });
    request.end(body);
  });
}
