import { describe, expect, it } from "vitest";
import { splitRecipients } from "@/server/domain/alerts/recipients";

describe("splitRecipients", () => {
  it.each([
    ["ops@example.com", ["ops@example.com"]],
    [" a@example.com , b@example.com ", ["a@example.com", "b@example.com"]],
    ["a@example.com,,b@example.com,", ["a@example.com", "b@example.com"]],
    ["Ops@Example.com, ops@example.com", ["Ops@Example.com"]],
    ["a@example.com,\tb@example.com\n", ["a@example.com", "b@example.com"]],
    ["", []],
    [null, []],
  ])("splits %j", (to, expected) => {
    expect(splitRecipients(to)).toEqual(expected);
  });
});
