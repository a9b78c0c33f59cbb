import ipaddr from "ipaddr.js";

/**
 * The key a client address is rate limited under: an IPv4 address as is (also when written as
 * IPv4-mapped IPv6), an IPv6 address by its /64, which one subscriber typically holds whole.
 */
export function ipLimitKey(ip: string): string {
  const bare = ip.split("%")[0] ?? "";
  if (!ipaddr.isValid(bare)) return ip || "unknown";
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${v6.toString()}/64`);
  return `${network.toString()}/64`;
}
