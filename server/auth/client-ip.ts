/** The header the custom server sets from the socket (or the trusted proxy); clients cannot forge it. */
export const CLIENT_IP_HEADER = "x-vigil-client-ip";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function clientIpFrom(headers: HeaderBag): string {
  const raw =
    headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.length > 0 ? value : "unknown";
}
