import type { Readable, Writable } from "node:stream";

/** A password that could not be read: the CLI prints the message alone and exits non-zero. */
export class PasswordInputError extends Error {}

type Terminal = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
export type PasswordIo = { stdin: Terminal; stderr: Writable };

type Flags = { password?: string; passwordStdin: boolean };

/**
 * The password of a user command: `--password-stdin` reads the first line of standard input; with
 * neither flag a terminal is asked twice, without echo; `--password` is taken as given.
 */
export async function readPassword(
  { password, passwordStdin }: Flags,
  command: string,
  io: PasswordIo = { stdin: process.stdin, stderr: process.stderr },
): Promise<string> {
  if (password !== undefined && passwordStdin)
    throw new PasswordInputError("Give --password or --password-stdin, not both.");
  if (password !== undefined) return password;
  if (passwordStdin) {
    const line = await readFirstLine(io.stdin);
    if (!line)
      throw new PasswordInputError(
        "The first line of standard input is empty; --password-stdin reads the password from it.",
      );
    return line;
  }
  if (!io.stdin.isTTY || !io.stdin.setRawMode)
    throw new PasswordInputError(
      `The ${command} command needs a password: give --password-stdin, or run it in a terminal to be asked.`,
    );
  const first = await askHidden(io, "Password: ");
  if (!first) throw new PasswordInputError("No password was typed; nothing was changed.");
  if ((await askHidden(io, "Repeat the password: ")) !== first)
    throw new PasswordInputError("The two passwords did not match; nothing was changed.");
  return first;
}

async function readFirstLine(stdin: Readable): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
    if (text.includes("\n")) break;
  }
  return (text.split("\n")[0] ?? "").replace(/\r$/, "");
}

/** One line typed in raw mode, so the terminal shows nothing of it. */
function askHidden({ stdin, stderr }: PasswordIo, prompt: string): Promise<string> {
  // Raw before the prompt shows: a line typed the moment it appears must not be echoed.
  stdin.setRawMode?.(true);
  stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003" || char === "\u0004")
          return finish(new PasswordInputError("Cancelled; nothing was changed."));
        if (char === "\u007f" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else if (char >= " ") typed += char;
      }
    };
    stdin.on("data", onData);
    stdin.resume();
  });
}
