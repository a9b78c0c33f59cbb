import { describe, expect, it } from "vitest";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { lazyBody, PublicPageCache } from "@/server/http/status-pages/page-cache";

const page = (text: string) => ({ body: Buffer.from(text), contentType: "text/html" });

describe("public page cache", () => {
  it("drops every copy on clear, and never keeps a fill that was running when it cleared", async () => {
    let now = 1_000;
    const cache = new PublicPageCache({ maxAgeMs: 60_000, maxEntries: 10, now: () => now });
    let fills = 0;
    const fill = async () => (fills++, page(`render ${fills}`));
    await cache.get("a", "html", "ws", fill);
    await cache.get("b", "html", "ws", fill);
    expect(fills).toBe(2);

    let release = () => {};
    const slow = cache.get("c", "html", "ws", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return page("rendered before the clear");
    });
    now = 2_000;
    cache.clear();
    release();
    expect((await slow)?.body.toString()).toBe("rendered before the clear");
    expect(cache.size).toBe(0);
    expect(cache.changedAt("c")).toBe(2_000);

    expect((await cache.get("a", "html", "ws", fill))?.body.toString()).toBe("render 3");
    expect((await cache.get("c", "html", "ws", fill))?.body.toString()).toBe("render 4");
    expect(cache.size).toBe(2);
  });

  it("compresses each encoding of a fill once, when first asked for, and keeps it", async () => {
    const cache = new PublicPageCache({ maxAgeMs: 60_000, maxEntries: 10 });
    const html = "<main>" + "all systems operational ".repeat(500) + "</main>";
    const filled = await cache.get("a", "html", "ws", async () => page(html));
    expect(filled?.etag).toMatch(/^W\/"[\w-]{22}"$/);
    const br = filled!.br;
    expect(brotliDecompressSync(br).toString()).toBe(html);
    expect(br.length).toBeLessThan(html.length / 10);
    const hit = await cache.get("a", "html", "ws", async () => page("never rendered"));
    expect(hit?.br).toBe(br);
    expect(gunzipSync(hit!.gzip).toString()).toBe(html);
    expect(hit?.gzip).toBe(hit?.gzip);
    expect(lazyBody(Buffer.from(html), "text/html").etag).toBe(filled?.etag);
  });
});
