export const maxBodyBytes = 1_048_576;

export type BodyScan = {
  bytesRead: number;
  isTruncated: boolean;
  hasKeyword: boolean | null;
};

export type BodyScanner = {
  /** Returns true once nothing more needs reading: the keyword turned up or the cap was reached. */
  push: (chunk: Buffer) => boolean;
  result: () => BodyScan;
};

/**
 * Reads up to 1 MiB of a body, searching for a case-sensitive keyword across chunk boundaries.
 * Holds one chunk and a keyword-sized tail, never the body; searching UTF-8 bytes finds the same
 * matches as searching the decoded text.
 */
export function createBodyScanner(keyword: string | null): BodyScanner {
  const needle = keyword === null ? null : Buffer.from(keyword, "utf8");
  let tail = Buffer.alloc(0);
  let bytesRead = 0;
  let hasKeyword = false;

  return {
    push(chunk) {
      const kept = chunk.subarray(0, maxBodyBytes - bytesRead);
      bytesRead += kept.length;
      if (needle && !hasKeyword) {
        const window = Buffer.concat([tail, kept]);
        hasKeyword = window.includes(needle);
        tail = Buffer.from(window.subarray(Math.max(0, window.length - needle.length + 1)));
      }
      return hasKeyword || bytesRead >= maxBodyBytes;
    },
    result: () => ({
      bytesRead,
      isTruncated: bytesRead >= maxBodyBytes,
      hasKeyword: needle ? hasKeyword : null,
    }),
  };
}
