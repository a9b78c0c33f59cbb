import { describe, expect, it } from "vitest";
import { slugProblem } from "@/server/domain/status-pages/slug";
import { suggestSlug } from "@/components/status-pages/suggest-slug";

describe("suggestSlug", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme Café, Inc.", "acme-cafe-inc"],
    ["  --Bar  Co--  ", "bar-co"],
    ["Ünïcödé Status", "unicode-status"],
    ["API v2 / EU", "api-v2-eu"],
    ["日本", ""],
  ])("turns %j into %j", (title, slug) => {
    expect(suggestSlug(title)).toBe(slug);
  });

  it("cuts a long title to the longest slug without a trailing dash", () => {
    const slug = suggestSlug(`${"a".repeat(47)} b c`);
    expect(slug).toBe("a".repeat(47));
    expect(slugProblem(suggestSlug("x".repeat(60)))).toBeNull();
  });
});
