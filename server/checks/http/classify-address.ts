type Ipv4Range = readonly [base: string, prefix: number];
type Ipv6Range = readonly [base: string, prefix: number];

const nonPublicIpv4Ranges: readonly Ipv4Range[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const nonPublicIpv6Ranges: readonly Ipv6Range[] = [
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

/** Tells whether an IP address is one a monitor must not reach unless private targets are allowed. */
export function isPrivateAddress(ip: string): boolean {
  const ipv4 = parseIpv4(ip);
  if (ipv4 !== null) return isNonPublicIpv4(ipv4);
  const ipv6 = parseIpv6(ip);
  // Anything that is not an IP fails closed, so a guard that is handed a hostname still blocks.
  if (ipv6 === null) return true;
  const embedded = embeddedIpv4(ipv6);
  if (embedded !== null) return isNonPublicIpv4(embedded);
  return nonPublicIpv6Ranges.some(([base, prefix]) => isInIpv6Range(ipv6, base, prefix));
}

export type AddressKind = "loopback" | "private" | "link-local" | "cloud metadata" | "reserved";

const inIpv4 = (value: number, base: string, prefix: number) =>
  Math.floor(value / 2 ** (32 - prefix)) ===
  Math.floor((parseIpv4(base) ?? -1) / 2 ** (32 - prefix));

function ipv4Kind(value: number): AddressKind {
  if (value === parseIpv4("169.254.169.254") || value === parseIpv4("100.100.100.200"))
    return "cloud metadata";
  if (inIpv4(value, "127.0.0.0", 8)) return "loopback";
  if (inIpv4(value, "169.254.0.0", 16)) return "link-local";
  const isPrivate = [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["100.64.0.0", 10],
  ] as const;
  return isPrivate.some(([base, prefix]) => inIpv4(value, base, prefix)) ? "private" : "reserved";
}

/** What kind of non-public address an IP is, in words for a message; null for a public one. */
export function addressKind(ip: string): AddressKind | null {
  if (!isPrivateAddress(ip)) return null;
  const ipv4 = parseIpv4(ip);
  if (ipv4 !== null) return ipv4Kind(ipv4);
  const ipv6 = parseIpv6(ip);
  if (ipv6 === null) return "reserved";
  if (ipv6 === 1n) return "loopback";
  if (ipv6 === parseIpv6("fd00:ec2::254")) return "cloud metadata";
  const embedded = ipv6 === 0n ? null : embeddedIpv4(ipv6);
  if (embedded !== null) return ipv4Kind(embedded);
  if (isInIpv6Range(ipv6, "fe80::", 10)) return "link-local";
  if (isInIpv6Range(ipv6, "fc00::", 7) || isInIpv6Range(ipv6, "fec0::", 10)) return "private";
  return "reserved";
}

function isNonPublicIpv4(value: number): boolean {
  return nonPublicIpv4Ranges.some(([base, prefix]) => {
    const size = 2 ** (32 - prefix);
    return Math.floor(value / size) === Math.floor((parseIpv4(base) ?? -1) / size);
  });
}

function isInIpv6Range(value: bigint, base: string, prefix: number): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === (parseIpv6(base) ?? -1n) >> shift;
}

/** IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses reach the IPv4 address they carry. */
function embeddedIpv4(value: bigint): number | null {
  const low32 = Number(value & 0xffffffffn);
  if (value >> 32n === 0xffffn || value >> 32n === 0n) return low32;
  if (value >> 32n === 0x64ff9b0000000000000000n) return low32;
  if (value >> 112n === 0x2002n) return Number((value >> 80n) & 0xffffffffn);
  return null;
}

function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let address = text.split("%")[0] ?? "";
  if (address.includes(".")) {
    const lastColon = address.lastIndexOf(":");
    const ipv4 = parseIpv4(address.slice(lastColon + 1));
    if (lastColon === -1 || ipv4 === null) return null;
    const high = Math.floor(ipv4 / 0x10000).toString(16);
    address = `${address.slice(0, lastColon + 1)}${high}:${(ipv4 % 0x10000).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? "");
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function parseGroups(text: string): number[] | null {
  if (text === "") return [];
  const groups = text.split(":");
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}
