import { describe, expect, it } from "vitest";
import { addressKind, isPrivateAddress } from "@/server/checks/http/classify-address";

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", "IPv4 loopback"],
    ["127.255.255.254", "the far end of 127/8"],
    ["::1", "IPv6 loopback"],
    ["0.0.0.0", "IPv4 unspecified"],
    ["0.1.2.3", "this network (0/8)"],
    ["::", "IPv6 unspecified"],
    ["10.0.0.5", "10/8"],
    ["172.16.0.1", "the start of 172.16/12"],
    ["172.31.255.255", "the end of 172.16/12"],
    ["192.168.1.1", "192.168/16"],
    ["fc00::1", "unique local fc00::/7"],
    ["fdff:ffff::1", "unique local fd00::/8"],
    ["169.254.1.1", "IPv4 link-local"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "IPv6 link-local with a zone"],
    ["febf:ffff::1", "the end of fe80::/10"],
    ["100.64.0.1", "the start of CGNAT 100.64/10"],
    ["100.127.255.255", "the end of CGNAT 100.64/10"],
    ["169.254.169.254", "the cloud metadata address"],
    ["fd00:ec2::254", "the AWS IPv6 metadata address"],
    ["::ffff:10.0.0.1", "IPv4-mapped 10/8 in dotted form"],
    ["::ffff:7f00:1", "IPv4-mapped loopback in hex form"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata address"],
    ["0:0:0:0:0:ffff:c0a8:0101", "IPv4-mapped 192.168.1.1 written in full"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["64:ff9b::a00:1", "NAT64 of 10.0.0.1"],
    ["2002:a00:1::", "6to4 of 10.0.0.1"],
    ["224.0.0.1", "IPv4 multicast"],
    ["ff02::1", "IPv6 multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved 240/4"],
    ["192.0.2.10", "documentation TEST-NET-1"],
    ["198.18.0.1", "benchmarking 198.18/15"],
    ["2001:db8::1", "IPv6 documentation"],
    ["fec0::1", "deprecated site-local"],
    ["localhost", "a hostname, so a guard fails closed"],
    ["1.2.3", "a malformed address"],
    ["1::2::3", "a malformed IPv6 address"],
  ])("treats %s as private (%s)", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    ["8.8.8.8", "a public IPv4 address"],
    ["1.1.1.1", "another public IPv4 address"],
    ["172.15.255.255", "just below 172.16/12"],
    ["172.32.0.0", "just above 172.16/12"],
    ["100.63.255.255", "just below CGNAT"],
    ["100.128.0.0", "just above CGNAT"],
    ["11.0.0.1", "just above 10/8"],
    ["192.169.0.1", "just above 192.168/16"],
    ["169.255.0.1", "just above link-local"],
    ["223.255.255.255", "just below multicast"],
    ["2606:4700:4700::1111", "a public IPv6 address"],
    ["2001:4860:4860::8888", "another public IPv6 address"],
    ["::ffff:8.8.8.8", "IPv4-mapped public address"],
    ["64:ff9b::808:808", "NAT64 of a public address"],
    ["2002:808:808::1", "6to4 of a public address"],
    ["fbff::1", "just below fc00::/7"],
  ])("treats %s as public (%s)", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe("addressKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.9.9.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.0.10", "private"],
    ["100.64.0.1", "private"],
    ["fd12::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["169.254.169.254", "cloud metadata"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["0.0.0.0", "reserved"],
    ["::", "reserved"],
    ["224.0.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["8.8.8.8", null],
    ["2606:4700:4700::1111", null],
  ])("calls %s %s", (ip, kind) => {
    expect(addressKind(ip)).toBe(kind);
  });
});
