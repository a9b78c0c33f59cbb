import { describe, expect, it } from "vitest";
import { cliIssue, cliSentence, parseArgsSentence } from "@/server/cli/cli-words";

describe("CLI words", () => {
  it.each([
    [
      "expires_at: Expiry date must be in the future",
      "--expires: Expiry date must be in the future.",
    ],
    ["scope: Scope must be read or write", "--scope: Scope must be read or write."],
    ["email: Email must be an email address", "--email: Email must be an email address."],
    ["password must be at least 8 characters", "Password must be at least 8 characters."],
    ["an account with this email already exists", "An account with this email already exists."],
    ["API key not found", "API key not found."],
    [
      "There is no user with the email ghost@example.com.",
      "There is no user with the email ghost@example.com.",
    ],
    ["url: URL must start with http://", "url: URL must start with http://."],
  ])("prints %j as %j", (message, printed) => expect(cliSentence(message)).toBe(printed));

  it("names a request field by its option", () => {
    expect(
      cliIssue({
        code: "custom",
        path: ["statusPages"],
        message: "must be a whole number or default",
      }),
    ).toBe("--status-pages: Status pages must be a whole number or default.");
    expect(cliIssue(undefined)).toBe("The command is not valid.");
  });

  it.each([
    [
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      "Unknown option '--foo'",
      "There is no option --foo; the options are listed below.",
    ],
    [
      "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
      "Option '--email <value>' argument missing",
      "--email needs a value after it.",
    ],
    [
      "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
      "Unexpected argument 'x'. This command does not take positional arguments",
      '"x" is not an option; options start with -- (see below).',
    ],
  ])("explains %s", (code, message, printed) =>
    expect(parseArgsSentence({ code, message })).toBe(printed),
  );
});
