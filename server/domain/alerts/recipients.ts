/**
 * The addresses of an email channel's `to`: split on commas, trimmed, empty parts dropped, each
 * address once (case-insensitively, the first spelling kept). Migration 0006 splits the same way.
 */
export function splitRecipients(to: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (to ?? "").split(",")) {
    const address = part.trim();
    if (address === "" || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push(address);
  }
  return out;
}

export const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
