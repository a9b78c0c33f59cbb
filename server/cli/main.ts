import { parseArgs } from "node:util";
import { ZodError, type z } from "zod";
import { ConfigError, loadConfig, type Config } from "@/server/config";
import {
  DataDirLockedError,
  dataDirHolder,
  openVigilDatabase,
} from "@/server/bootstrap/open-vigil-database";
import { readControlEndpoint } from "@/server/control/control-channel";
import { ControlReplyError, sendControlCommand } from "@/server/control/control-client";
import {
  operatorRequest,
  runOperatorCommand,
  type OperatorRequest,
  type OperatorResult,
} from "@/server/control/operator-commands";
import { systemClock } from "@/server/services/context";
import { isServiceError } from "@/server/services/errors";
import { PasswordInputError, readPassword } from "@/server/cli/read-password";
import { cliIssue, cliSentence, parseArgsSentence } from "@/server/cli/cli-words";
import { sentence } from "@/server/domain/validation/validation-issues";

const USAGE = `Usage: npx vigil <command> [options]

Commands:
  user:create --email <email> [--password-stdin | --password <password>] [--name <name>]
      Create a user with a personal workspace.
  user:reset-password --email <email> [--password-stdin | --password <new password>]
      Set a new password; the user's existing sessions are signed out.
  apikey:create --email <owner email> [--name <label>] [--scope write|read] [--expires <ISO time>]
      Create an API key for the owner's workspace (default scope write: read keys may only
      GET). The key is printed once, alone on the last line of stdout; only its hash is stored.
  apikey:list --email <owner email>
      List the workspace's keys: id, prefix, scope, created, last used, expiry, name.
  apikey:revoke --email <owner email> (--id <key id> | --prefix <vgl_…>)
      Revoke a key; it is refused from its next request on.
  workspace:allow-private --email <owner email> [--revoke]
      Let the workspace the user owns check loopback, private and metadata addresses (under
      VIGIL_ALLOW_PRIVATE_TARGETS=owner); --revoke takes it back.
  workspace:quota --email <owner email> [--monitors N] [--heartbeats N] [--status-pages N] [--channels N]
      Set the limits of the workspace the user owns (N, or "default" for the VIGIL_QUOTA_*
      setting) and print them; without a limit, only print them.

Passwords: --password-stdin reads the first line of standard input; with neither flag, a terminal
is asked twice without echo. --password also works, but the password is then visible to every
user of the machine in the process list (ps) and stays in the shell's history.

The CLI uses the same environment as the server (DATABASE_URL, VIGIL_DATA_DIR, ...). On the
embedded database it talks to the running server when one holds the data dir.`;

class UsageError extends Error {}

async function parseRequest(argv: string[]): Promise<z.input<typeof operatorRequest>> {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("Give a command; the commands are listed below.");
  if (command === "help" || command === "--help" || command === "-h") throw new UsageError("");
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      name: { type: "string" },
      revoke: { type: "boolean" },
      scope: { type: "string" },
      expires: { type: "string" },
      id: { type: "string" },
      prefix: { type: "string" },
      monitors: { type: "string" },
      heartbeats: { type: "string" },
      "status-pages": { type: "string" },
      channels: { type: "string" },
    },
    strict: true,
  }).valueOf() as { values: Record<string, string | boolean | undefined> };
  const need = (flag: string) => {
    const v = values[flag];
    if (typeof v !== "string" || v === "")
      throw new UsageError(`The ${command} command needs --${flag}.`);
    return v;
  };
  const optional = (flag: string) => {
    const v = values[flag];
    return typeof v === "string" ? v : undefined;
  };
  const password = () =>
    readPassword(
      { password: optional("password"), passwordStdin: values["password-stdin"] === true },
      command,
    );
  switch (command) {
    case "user:create":
      return { command, email: need("email"), password: await password(), name: optional("name") };
    case "user:reset-password":
      return { command, email: need("email"), password: await password() };
    case "apikey:create":
      return {
        command,
        email: need("email"),
        name: optional("name"),
        scope: optional("scope"),
        expiresAt: optional("expires"),
      };
    case "apikey:list":
      return { command, email: need("email") };
    case "apikey:revoke":
      if (!optional("id") === !optional("prefix"))
        throw new UsageError(
          "The apikey:revoke command needs --id or --prefix (one of them, not both).",
        );
      return { command, email: need("email"), id: optional("id"), prefix: optional("prefix") };
    case "workspace:quota":
      return {
        command,
        email: need("email"),
        monitors: optional("monitors"),
        heartbeats: optional("heartbeats"),
        statusPages: optional("status-pages"),
        channels: optional("channels"),
      };
    case "workspace:allow-private":
      return { command, email: need("email"), revoke: values.revoke === true };
    default:
      throw new UsageError(`There is no command "${command}"; the commands are listed below.`);
  }
}

async function runLocally(config: Config, request: OperatorRequest): Promise<OperatorResult> {
  const database = await openVigilDatabase(config);
  try {
    return await runOperatorCommand({ db: database.db, now: systemClock }, request);
  } finally {
    await database.release();
  }
}

async function runThroughServer(
  config: Config,
  request: OperatorRequest,
): Promise<OperatorResult | null> {
  // The server writes its control endpoint right after opening the database: give a starting
  // server a moment before giving up.
  for (let waited = 0; waited < 15_000; waited += 250) {
    const holder = await dataDirHolder(config.dataDir);
    if (holder === null) return null;
    const endpoint = readControlEndpoint(config.dataDir);
    if (endpoint && (endpoint.pid === holder || holder === 0)) {
      const reply = await sendControlCommand(endpoint, request);
      if (!reply.ok) throw new CommandError(reply.error);
      return reply.result;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new CommandError(
    `The data dir ${config.dataDir} is held by process ${await dataDirHolder(config.dataDir)}, which does not answer operator commands; stop it, or wait until it has started.`,
  );
}

class CommandError extends Error {}

async function execute(config: Config, request: OperatorRequest): Promise<OperatorResult> {
  if (config.databaseUrl) return runLocally(config, request);
  const viaServer = await runThroughServer(config, request);
  if (viaServer) return viaServer;
  try {
    return await runLocally(config, request);
  } catch (e) {
    // A server took the data dir between our look and our lock: ask it instead.
    if (e instanceof DataDirLockedError) {
      const retried = await runThroughServer(config, request);
      if (retried) return retried;
    }
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  let request: OperatorRequest;
  try {
    request = operatorRequest.parse(await parseRequest(argv));
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      const said = e instanceof UsageError ? e.message : parseArgsSentence(e as Error);
      if (said) process.stderr.write(`vigil: ${said}\n\n`);
      process.stderr.write(USAGE + "\n");
      return e instanceof UsageError && !e.message ? 0 : 2;
    }
    if (e instanceof PasswordInputError) {
      process.stderr.write(`vigil: ${sentence(e.message)}\n`);
      return 2;
    }
    if (e instanceof ZodError) {
      process.stderr.write(`vigil: ${cliIssue(e.issues[0])}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const config = loadConfig();
    process.stderr.write(
      `vigil: Using ${config.databaseUrl ? "the PostgreSQL database in DATABASE_URL" : `the embedded database in ${config.dataDir}`}.\n`,
    );
    const result = await execute(config, request);
    process.stderr.write(result.stderr + "\n");
    if (result.stdout !== undefined) process.stdout.write(result.stdout + "\n");
    return 0;
  } catch (e) {
    const message =
      isServiceError(e) ||
      e instanceof CommandError ||
      e instanceof ControlReplyError ||
      e instanceof ConfigError ||
      e instanceof DataDirLockedError
        ? cliSentence(e.message)
        : e instanceof ZodError
          ? cliIssue(e.issues[0])
          : `Something went wrong: ${(e as Error).message}`;
    process.stderr.write(`vigil: ${message}\n`);
    return 1;
  }
}
