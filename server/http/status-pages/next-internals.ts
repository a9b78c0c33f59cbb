import { readFileSync } from "node:fs";
import path from "node:path";

// Where the custom server leans on Next's internals. Each is pinned by next-internals.test.ts,
// which fails on a Next upgrade that moves them.

/** Next renders an ISR page afresh and stores it when a request carries the build's revalidation id. */
export const REVALIDATE_HEADER = "x-prerender-revalidate";

/** The build's on-demand revalidation id (see StatusPageDeps.revalidateId), if it can be read. */
export function readRevalidateId(root: string): string | undefined {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8"),
    ) as { preview?: { previewModeId?: unknown } };
    const id = manifest.preview?.previewModeId;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

const GENERATED_AT = /data-generated-at="([^"]+)"/;

/**
 * When the view in a rendered status page was loaded (epoch ms; NaN when the page carries none),
 * read from the `data-generated-at` attribute StatusPageScreen puts on its <main>.
 */
export function renderedAtOf(html: Buffer): number {
  return Date.parse(GENERATED_AT.exec(html.toString("latin1"))?.[1] ?? "");
}
