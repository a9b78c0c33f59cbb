import { afterEach, describe, expect, it, vi } from "vitest";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import {
  dropView,
  handOverView,
  isPreviewToken,
  newHandoverToken,
  publicHandoverKey,
  takeView,
} from "@/server/services/status-pages/view-handover";

const view = (slug: string) => ({ page: { slug } }) as StatusPageView;

describe("view handover", () => {
  afterEach(() => vi.useRealTimers());

  it("gives a handed view to one render only, and nothing for a key never handed", async () => {
    const key = publicHandoverKey("acme");
    handOverView(key, Promise.resolve(view("acme")));
    expect(takeView("public:other")).toBeNull();
    expect(takeView(null)).toBeNull();
    expect(takeView("")).toBeNull();
    expect((await takeView(key))?.page.slug).toBe("acme");
    expect(takeView(key)).toBeNull();
  });

  it("keeps the latest view handed for a key", async () => {
    const key = publicHandoverKey("acme-2");
    handOverView(key, Promise.resolve(view("old")));
    handOverView(key, Promise.resolve(view("new")));
    expect((await takeView(key))?.page.slug).toBe("new");
  });

  it("forgets a view no render took, but not one handed over since", async () => {
    const key = publicHandoverKey("acme-3");
    const first = Promise.resolve(view("first"));
    handOverView(key, first);
    dropView(key, first);
    expect(takeView(key)).toBeNull();
    const second = Promise.resolve(view("second"));
    handOverView(key, first);
    handOverView(key, second);
    dropView(key, first);
    expect((await takeView(key))?.page.slug).toBe("second");
  });

  it("lets a view no render took expire", () => {
    vi.useFakeTimers();
    const key = newHandoverToken();
    handOverView(key, Promise.resolve(view("late")));
    vi.advanceTimersByTime(10_001);
    expect(takeView(key)).toBeNull();
  });

  it("makes tokens nobody can guess, and a failed load an error for its render, never an unhandled one", async () => {
    const a = newHandoverToken();
    expect(a).toMatch(/^preview:[0-9a-f-]{36}$/);
    expect(newHandoverToken()).not.toBe(a);
    expect(isPreviewToken(a)).toBe(true);
    expect(isPreviewToken(publicHandoverKey("acme"))).toBe(false);
    expect(isPreviewToken(null)).toBe(false);
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      handOverView("public:untaken", Promise.reject(new Error("database gone")));
      handOverView("public:taken", Promise.reject(new Error("database gone")));
      await expect(takeView("public:taken")).rejects.toThrow("database gone");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
