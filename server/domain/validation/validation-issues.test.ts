import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  describeIssue,
  formErrorsFrom,
  toWireIssues,
} from "@/server/domain/validation/validation-issues";

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues;
};

describe("describeIssue", () => {
  const schema = z.strictObject({
    intervalSecs: z.number().int().min(60),
    tags: z.array(z.string()).optional(),
  });

  it("names the field in snake_case before the message", () => {
    expect(describeIssue(issuesOf(schema, { intervalSecs: 5 })[0])).toEqual({
      field: "interval_secs",
      message: expect.stringMatching(/^interval_secs: /),
    });
  });

  it("writes array positions in brackets", () => {
    expect(describeIssue(issuesOf(schema, { intervalSecs: 60, tags: [1] })[0]).field).toBe(
      "tags.[0]",
    );
  });

  it("lists unknown fields in snake_case", () => {
    expect(describeIssue(issuesOf(schema, { intervalSecs: 60, graceSecs: 1 })[0])).toEqual({
      field: "",
      message: "unknown field grace_secs",
    });
  });

  it("says invalid input when there is no issue", () => {
    expect(describeIssue(undefined)).toEqual({ field: "", message: "invalid input" });
  });
});

describe("formErrorsFrom", () => {
  const wire = (path: string, message: string) => ({
    data: { field: null, zodIssues: toWireIssues([{ path: path.split("."), message }]) },
  });

  it("puts a validation issue next to its field, edits included", () => {
    expect(
      formErrorsFrom(
        wire("changes.intervalSecs", "must be at least 10 seconds"),
        ["intervalSecs"],
        "x",
      ),
    ).toEqual({ intervalSecs: "Interval must be at least 10 seconds." });
  });

  it("keeps the first issue of a field", () => {
    const error = {
      data: {
        zodIssues: [
          { path: "name", message: "first" },
          { path: "name", message: "second." },
        ],
      },
    };
    expect(formErrorsFrom(error, ["name"], "x")).toEqual({ name: "First." });
  });

  it("names a field the form does not show above the form", () => {
    expect(formErrorsFrom(wire("changes.items.0", "must be a monitor"), ["name"], "x")).toEqual({
      form: "Subjects, entry 1: must be a monitor.",
    });
  });

  it("maps a service's snake_case field and drops its name from the message", () => {
    const error = { message: "url: a loopback address", data: { field: "url" } };
    expect(formErrorsFrom(error, ["url"], "x")).toEqual({ url: "A loopback address." });
    const timeout = {
      message: "timeout_secs: Timeout must be shorter than the check interval",
      data: { field: "timeout_secs" },
    };
    expect(formErrorsFrom(timeout, ["timeoutSecs"], "x")).toEqual({
      timeoutSecs: "Timeout must be shorter than the check interval.",
    });
  });

  it("puts an error without a field above the form, or the fallback", () => {
    expect(formErrorsFrom({ message: "limit reached." }, ["name"], "x")).toEqual({
      form: "Limit reached.",
    });
    expect(formErrorsFrom({}, ["name"], "Could not save")).toEqual({ form: "Could not save." });
  });
});
