import dns from "node:dns";
import { type LookupFunction } from "node:net";
import { isPrivateAddress } from "@/server/checks/http/classify-address";

export class BlockedTargetError extends Error {
  readonly code = "EVIGIL_BLOCKED_TARGET";
}

/**
 * A socket `lookup` that refuses hostnames resolving to any private address. The socket connects
 * to the addresses checked here, so a second DNS answer cannot swap in another one.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const blocked = addresses.find(({ address }) => isPrivateAddress(address));
    if (blocked) {
      const message = `Blocked target: ${hostname} resolves to ${blocked.address}, a private address`;
      return callback(new BlockedTargetError(message), "");
    }
    const [first] = addresses;
    if (!first) {
      return callback(
        Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }),
        "",
      );
    }
    if (options.all) return callback(null, addresses);
    callback(null, first.address, first.family);
  });
};
