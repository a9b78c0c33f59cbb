import dns from "node:dns";
import net from "node:net";
import { addressKind } from "@/server/checks/http/classify-address";

export type LookupAll = (hostname: string) => Promise<{ address: string }[]>;

const systemLookup: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true });

/**
 * Why a URL names a non-public target, or null: a private literal, a localhost name, or a name
 * whose every address is private. A name that does not resolve within `timeoutMs` passes: the
 * check's own guard refuses it at run time if it ever resolves to a private address.
 */
export async function privateTargetReason(
  rawUrl: string,
  { lookup = systemLookup, timeoutMs = 1500 }: { lookup?: LookupAll; timeoutMs?: number } = {},
): Promise<string | null> {
  let host: string;
  try {
    host = new URL(rawUrl).hostname
      .replace(/^\[(.*)\]$/, "$1")
      .replace(/\.$/, "")
      .toLowerCase();
  } catch {
    return null;
  }
  if (net.isIP(host) !== 0) {
    const kind = addressKind(host);
    return kind ? `${host} is a ${kind} address` : null;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return `${host} is a loopback address`;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const addresses = await Promise.race([lookup(host).catch(() => null), late]).finally(() =>
    clearTimeout(timer),
  );
  if (!addresses || addresses.length === 0) return null;
  const kinds = addresses.map((a) => addressKind(a.address));
  const [first] = addresses;
  if (!first || kinds.some((k) => k === null)) return null;
  return `${host} resolves to ${first.address}, a ${kinds[0]} address`;
}
