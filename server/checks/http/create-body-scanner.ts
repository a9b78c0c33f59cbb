import type { BodyObservation } from "@/server/domain/monitors/assertions";

export const maxBodyBytes = 1_048_576;

export type BodyScan = {
  bytesRead: number;
  isTruncated: boolean;
  hasKeyword: boolean | null;
  /** What assertions on the body need, when the scanner was asked to watch for them. */
  seen?: BodyObservation;
};

/** Substrings to look for besides the keyword, and how many leading bytes to keep. */
export type BodyWatch = { needles: readonly string[]; headBytes: number };

export type BodyScanner = {
  /** Returns true once nothing more needs reading: all that is searched for turned up (or the cap). */
  push: (chunk: Buffer) => boolean;
  result: () => BodyScan;
};

/**
 * Reads up to 1 MiB of a body, searching for case-sensitive substrings across chunk boundaries.
 * Holds one chunk, a needle-sized tail and at most `headBytes + 1` leading bytes, never the body;
 * searching UTF-8 bytes finds the same matches as searching the decoded text.
 */
export function createBodyScanner(keyword: string | null, watch?: BodyWatch): BodyScanner {
  const wanted = [...new Set([...(keyword === null ? [] : [keyword]), ...(watch?.needles ?? [])])];
  const needles = wanted.map((text) => ({ text, bytes: Buffer.from(text, "utf8") }));
  const tailBytes = Math.max(0, ...needles.map((n) => n.bytes.length - 1));
  const headLimit = watch && watch.headBytes > 0 ? watch.headBytes + 1 : 0;
  const found = new Set<string>();
  const head: Buffer[] = [];
  let headKept = 0;
  let tail = Buffer.alloc(0);
  let bytesRead = 0;

  const isDone = () =>
    bytesRead >= maxBodyBytes ||
    (keyword !== null && found.has(keyword) && !watch) ||
    (watch !== undefined &&
      (keyword === null || found.has(keyword)) &&
      found.size === wanted.length &&
      headKept >= headLimit);

  return {
    push(chunk) {
      const kept = chunk.subarray(0, maxBodyBytes - bytesRead);
      bytesRead += kept.length;
      if (headKept < headLimit) {
        const slice = Buffer.from(kept.subarray(0, headLimit - headKept));
        head.push(slice);
        headKept += slice.length;
      }
      if (found.size < wanted.length) {
        const window = Buffer.concat([tail, kept]);
        for (const n of needles)
          if (!found.has(n.text) && window.includes(n.bytes)) found.add(n.text);
        tail = Buffer.from(window.subarray(Math.max(0, window.length - tailBytes)));
      }
      return isDone();
    },
    result: () => ({
      bytesRead,
      isTruncated: bytesRead >= maxBodyBytes,
      hasKeyword: keyword === null ? null : found.has(keyword),
      ...(watch
        ? {
            seen: {
              head: Buffer.concat(head).toString("utf8"),
              headIsWhole: bytesRead < headLimit,
              isTruncated: bytesRead >= maxBodyBytes,
              contains: (needle: string) => needle === "" || found.has(needle),
            },
          }
        : {}),
    }),
  };
}
