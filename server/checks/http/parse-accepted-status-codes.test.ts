import { describe, expect, it } from "vitest";
import { parseAcceptedStatusCodes } from "@/server/checks/http/parse-accepted-status-codes";

describe("parseAcceptedStatusCodes", () => {
  it.each([
    [["200-399"], 200, true],
    [["200-399"], 399, true],
    [["200-399"], 400, false],
    [["200-399"], 199, false],
    [["204"], 204, true],
    [["204"], 200, false],
    [["200-299", "404"], 404, true],
    [["200-299", "404"], 403, false],
    [[" 200 - 204 "], 202, true],
  ])("with %j accepts %i: %s", (list, code, expected) => {
    expect(parseAcceptedStatusCodes(list)(code)).toBe(expected);
  });

  it.each([
    [["099"], /Invalid accepted status code "099"/],
    [["600"], /Invalid accepted status code "600"/],
    [["2xx"], /Invalid accepted status code "2xx"/],
    [["200-"], /Invalid accepted status code "200-"/],
    [["200-299-300"], /Invalid accepted status code "200-299-300"/],
    [["200", ""], /Invalid accepted status code ""/],
    [["399-200"], /range "399-200": 399 is greater than 200/],
    [[], /must not be empty/],
  ])("refuses %j naming the bad entry", (list, message) => {
    expect(() => parseAcceptedStatusCodes(list)).toThrow(message);
  });
});
