import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_PATH, renderOpenApiDocument } from "./render-openapi";

describe("the checked-in OpenAPI document", () => {
  it("matches the schemas (run `npm run openapi` after changing a REST schema)", () => {
    expect(readFileSync(DOCUMENT_PATH, "utf8")).toBe(renderOpenApiDocument());
  }, 30_000);
});
