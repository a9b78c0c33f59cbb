import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueSentence } from "@/server/domain/validation/issue-sentence";
import { describeIssue } from "@/server/domain/validation/validation-issues";
import { TEXT_LIMITS, fieldLabel } from "@/server/domain/validation/field-labels";

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues[0]!;
};

const settings = z.strictObject({
  name: z.string().trim().min(1).max(TEXT_LIMITS.name),
  title: z.string().max(TEXT_LIMITS.title),
  intervalSecs: z.number().int().min(10).max(86_400),
  timeoutSecs: z.number().int().min(1).max(60),
  degradedAfterMs: z.number().int().min(1).nullable(),
  graceSecs: z.number().int().min(0, { error: "must not be negative" }),
  confirmations: z.number().int().gt(0),
  acceptedStatusCodes: z.array(z.string().regex(/^\d+$/)).min(1).max(20),
  method: z.enum(["GET", "HEAD"]),
  visibility: z.enum(["public", "private", "unlisted"]),
  email: z.email(),
  assertions: z.array(z.object({ target: z.string({ error: "target must be a number" }) })),
  maxRetries: z.number(),
});
const ok = {
  name: "api",
  title: "t",
  intervalSecs: 60,
  timeoutSecs: 10,
  degradedAfterMs: null,
  graceSecs: 0,
  confirmations: 2,
  acceptedStatusCodes: ["200"],
  method: "GET",
  visibility: "public",
  email: "a@b.co",
  assertions: [],
  maxRetries: 1,
};

describe("issueSentence", () => {
  it.each([
    [{ intervalSecs: 5 }, "Interval must be at least 10 seconds"],
    [{ intervalSecs: 100_000 }, "Interval must be at most 86,400 seconds"],
    [{ intervalSecs: 10.5 }, "Interval must be a whole number"],
    [{ intervalSecs: "10" }, "Interval must be a number"],
    [{ intervalSecs: undefined }, "Interval is required"],
    [{ timeoutSecs: 0 }, "Timeout must be at least 1 seconds"],
    [{ degradedAfterMs: 0 }, "Slow threshold must be at least 1 ms"],
    [{ name: "   " }, "Name must not be empty"],
    [{ name: "x".repeat(201) }, "Name must be at most 100 characters"],
    [{ title: "x".repeat(10_000) }, "Title must be at most 100 characters"],
    [{ graceSecs: -1 }, "Grace period must not be negative"],
    [{ confirmations: 0 }, "Failed checks before Down must be more than 0"],
    [{ acceptedStatusCodes: [] }, "Accepted status codes must have at least one entry"],
    [
      { acceptedStatusCodes: Array(21).fill("200") },
      "Accepted status codes must have at most 20 entries",
    ],
    [
      { acceptedStatusCodes: ["200", "2xx"] },
      "Accepted status codes, entry 2: is not in the expected format",
    ],
    [{ method: "GET2" }, 'Method must be "GET" or "HEAD"'],
    [{ visibility: "x" }, 'Visibility must be one of "public", "private", "unlisted"'],
    [{ email: "nope" }, "Email must be an email address"],
    [{ assertions: [{ target: 5 }] }, "Assertions, entry 1: target must be a number"],
    [{ maxRetries: "x" }, "Max retries must be a number"],
  ])("%j reads %s", (change, text) => {
    expect(issueSentence(firstIssue(settings, { ...ok, ...change }))).toBe(text);
  });

  it("keeps a schema's own words and names the field once", () => {
    const schema = z.object({ url: z.string().refine(() => false, "must start with http://") });
    expect(issueSentence(firstIssue(schema, { url: "ftp://x" }))).toBe(
      "URL must start with http://",
    );
  });

  it("reads an edit's nested settings as the field itself", () => {
    const edit = z.object({ changes: z.object({ intervalSecs: z.number().min(10) }) });
    expect(issueSentence(firstIssue(edit, { changes: { intervalSecs: 1 } }))).toBe(
      "Interval must be at least 10 seconds",
    );
  });
});

describe("describeIssue for the REST API", () => {
  it.each([
    [{ title: "x".repeat(10_000) }, "title: Title must be at most 100 characters"],
    [{ intervalSecs: 5 }, "interval_secs: Interval must be at least 10 seconds"],
    [
      { assertions: [{ target: 5 }] },
      "assertions.[0].target: Assertions, entry 1: target must be a number",
    ],
  ])("%j is a 400 reading %s", (change, text) => {
    expect(describeIssue(firstIssue(settings, { ...ok, ...change })).message).toBe(text);
  });
});

describe("fieldLabel", () => {
  it.each([
    ["timeout_secs", "Timeout"],
    ["retry_interval_secs", "Retry interval"],
    ["max_redirects", "Redirects"],
    ["record_type", "Record type"],
    ["keep_days", "Keep"],
  ])("%s is called %s", (field, label) => expect(fieldLabel(field)).toBe(label));
});
