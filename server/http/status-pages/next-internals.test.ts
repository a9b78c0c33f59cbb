import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusPageScreen } from "@/components/status-page/status-page-screen";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import {
  readRevalidateId,
  renderedAtOf,
  REVALIDATE_HEADER,
} from "@/server/http/status-pages/next-internals";

// These pin what the custom server borrows from Next: a Next upgrade that moves one of them
// fails here, by name, instead of making every status page fill render twice or fail.
const require = createRequire(import.meta.url);
const nextConstants = require("next/dist/lib/constants") as Record<string, unknown>;
const sharedConstants = require("next/dist/shared/lib/constants") as Record<string, unknown>;
const apiUtils = require("next/dist/server/api-utils") as {
  checkIsOnDemandRevalidate: (
    headers: Record<string, string>,
    props: { previewModeId: string },
  ) => { isOnDemandRevalidate: boolean };
};

describe("Next internals the status page fill relies on", () => {
  it("sends the header Next checks for an on-demand revalidation", () => {
    expect(nextConstants.PRERENDER_REVALIDATE_HEADER).toBe(REVALIDATE_HEADER);
    const check = (sent: string) =>
      apiUtils.checkIsOnDemandRevalidate(
        { [REVALIDATE_HEADER]: sent },
        { previewModeId: "build-id" },
      ).isOnDemandRevalidate;
    expect(check("build-id")).toBe(true);
    expect(check("another-id")).toBe(false);
  });

  it("reads previewModeId from the prerender manifest Next's build still writes it to", () => {
    expect(sharedConstants.PRERENDER_MANIFEST).toBe("prerender-manifest.json");
    const build = readFileSync(require.resolve("next/dist/build/index.js"), "utf8");
    expect(build).toMatch(/PRERENDER_MANIFEST\)/);
    expect(build).toMatch(/preview: previewProps/);

    const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-next-"));
    try {
      expect(readRevalidateId(dir)).toBeUndefined();
      mkdirSync(path.join(dir, ".next"));
      const manifest = { version: 4, preview: { previewModeId: "abc123" } };
      writeFileSync(path.join(dir, ".next/prerender-manifest.json"), JSON.stringify(manifest));
      expect(readRevalidateId(dir)).toBe("abc123");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds when a rendered status page's view was loaded", () => {
    const generatedAt = "2026-12-06T22:00:00.000Z";
    const view: StatusPageView = {
      page: {
        id: "00000000-0000-4000-8000-000000000001",
        slug: "acme",
        title: "Acme",
        description: "",
        url: "http://localhost:3000/status/acme",
        visibility: "public",
        updatedAt: generatedAt,
      },
      generatedAt,
      overall: { indicator: "none", description: "All Systems Operational" },
      firstDay: "2026-09-08T00:00:00.000Z",
      services: [],
      jobs: [],
      incidents: [],
      announcements: [],
      maintenances: [],
    };
    const html = renderToString(createElement(StatusPageScreen, { initial: view, preview: false }));
    expect(renderedAtOf(Buffer.from(`<!DOCTYPE html><html><body>${html}</body></html>`))).toBe(
      Date.parse(generatedAt),
    );
    expect(renderedAtOf(Buffer.from("<main>no attribute</main>"))).toBeNaN();
  });
});
