import { describe, expect, it } from "vitest";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";

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
});
