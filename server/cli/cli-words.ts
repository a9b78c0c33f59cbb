import { sentence } from "@/server/domain/validation/validation-issues";
import {
  issueSentence,
  snakeCase,
  type ValidationIssue,
} from "@/server/domain/validation/issue-sentence";

/** The option an operator typed for each field a command's request carries. */
const FLAGS: Record<string, string> = {
  email: "--email",
  password: "--password",
  name: "--name",
  scope: "--scope",
  expires_at: "--expires",
  id: "--id",
  prefix: "--prefix",
  monitors: "--monitors",
  heartbeats: "--heartbeats",
  status_pages: "--status-pages",
  channels: "--channels",
};

/**
 * A service's message as the CLI prints it: a sentence, its field named by the option the operator
 * typed ("--expires: Expiry date must be in the future.").
 */
export function cliSentence(message: string): string {
  const field = /^(\w+): /.exec(message)?.[1];
  if (!field) return sentence(message);
  const rest = sentence(message.slice(field.length + 2));
  return `${FLAGS[snakeCase(field)] ?? field}: ${rest}`;
}

/** A request field's problem, as the CLI prints it ("--monitors: Monitors must be …."). */
export function cliIssue(issue: ValidationIssue | undefined): string {
  if (!issue) return "The command is not valid.";
  const field = snakeCase(String(issue.path.at(-1) ?? ""));
  const flag = FLAGS[field];
  const text = sentence(issueSentence(issue));
  return flag ? `${flag}: ${text}` : text;
}

/** What node's argument parser refused, in a sentence that points at the usage below it. */
export function parseArgsSentence(error: { code?: string; message: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `There is no option ${quoted}; the options are listed below.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${quoted.replace(/ <value>$/, "")} needs a value after it.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `"${quoted}" is not an option; options start with -- (see below).`;
    default:
      return sentence(error.message);
  }
}
