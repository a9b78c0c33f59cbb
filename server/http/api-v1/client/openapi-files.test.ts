import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_PATH, TYPES_PATH, renderOpenApiFiles } from "./render-openapi";

describe("the checked-in OpenAPI document and client types", () => {
  it("match the schemas (run `npm run openapi` after changing a REST schema)", async () => {
    const { document, types } = await renderOpenApiFiles();
    expect(readFileSync(DOCUMENT_PATH, "utf8")).toBe(document);
    expect(readFileSync(TYPES_PATH, "utf8")).toBe(types);
  }, 30_000);
});
