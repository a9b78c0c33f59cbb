import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { readRevalidateId } from "@/server/http/status-pages/next-internals";

// Runs after `next build` (the unit suite runs before it): the id the custom server reads from the
// build's prerender manifest must be the one Next's server compares the revalidate header with.
test("the build's revalidation id is the one Next's server checks", () => {
  const root = path.resolve(); // Playwright runs from the project root
  const id = readRevalidateId(root);
  expect(id).toMatch(/^\S{16,}$/);
  const served = JSON.parse(
    readFileSync(path.join(root, ".next/server/preview-props.json"), "utf8"),
  ) as { previewModeId?: string };
  expect(served.previewModeId).toBe(id);
});
