import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";

const failure = () =>
  Object.assign(new Error('relation "monitors" does not exist at db.internal:5432'), {
    digest: "2749163508",
  });
const retry = () => {};

describe("error pages", () => {
  it("say something went wrong, offer a retry and a way home, and give the digest only", () => {
    const error = failure();
    const html = renderToStaticMarkup(createElement(ErrorPage, { error, retry }));
    expect(html).toContain("Something went wrong");
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Try again<\/button>/);
    expect(html).toMatch(/<a href="\/"[^>]*>Back to Vigil<\/a>/);
    expect(html).toContain(">2749163508</code>");
    expect(html).not.toContain("monitors");
    expect(html).not.toContain("db.internal");
    expect(html).not.toContain(error.stack?.split("\n")[1]?.trim() ?? "at ");
  });

  it("leave the reference out when the error has none, whatever was thrown", () => {
    for (const error of [new Error("secret detail"), "a string", null, { digest: 42 }]) {
      const html = renderToStaticMarkup(createElement(ErrorPage, { error, retry }));
      expect(html).toContain("Something went wrong");
      expect(html).not.toContain("reference");
      expect(html).not.toContain("secret detail");
    }
  });

  it("bring their own document when the root layout failed", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: failure(), retry }));
    expect(html).toMatch(/^<html lang="en">.*<body class="min-h-dvh font-sans"><main/);
    expect(html).toContain("<title>Something went wrong · Vigil</title>");
    expect(html).toContain(">2749163508</code>");
    expect(html).not.toContain("db.internal");
  });
});
