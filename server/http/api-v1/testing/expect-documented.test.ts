import { describe, expect, it } from "vitest";
import { expectDocumented } from "./expect-documented";

const key = {
  id: "0b7f5a52-4d3e-4c55-9d1f-3f8f2b6c1a10",
  name: "ci",
  prefix: "vgl_ab12",
  scope: "read",
  created_at: "2026-01-02T03:04:05.000Z",
  expires_at: null,
  last_used_at: null,
};

describe("expectDocumented", () => {
  it("accepts an answer the document describes", async () => {
    await expectDocumented("GET", "/api/v1/api-keys", Response.json({ api_keys: [key] }));
    await expectDocumented(
      "DELETE",
      `/api/v1/api-keys/${key.id}`,
      new Response(null, { status: 204 }),
    );
  });

  it("refuses an undocumented field, status, path or a wrong type", async () => {
    const list = (k: object, status = 200) =>
      expectDocumented("GET", "/api/v1/api-keys", Response.json({ api_keys: [k] }, { status }));
    await expect(list({ ...key, hash: "x" })).rejects.toThrow(/does not match/);
    await expect(list({ ...key, scope: "admin" })).rejects.toThrow(/does not match/);
    await expect(list(key, 418)).rejects.toThrow(/not a documented status/);
    await expect(expectDocumented("GET", "/api/v1/nothing", Response.json({}))).rejects.toThrow(
      /not in the OpenAPI document/,
    );
  });
});
