import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";

const run = promisify(execFile);

/** A typed REST client with a fresh write key of the account with this email (made by the CLI). */
export async function apiClientFor(baseURL: string | undefined, email: string) {
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );
  return createVigilClient(baseURL ?? "", stdout.trim().split("\n").at(-1) ?? "");
}

/** The answer's body, or a failure naming the status and the error the server gave. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined)
    throw new Error(
      `${result.response.status} ${result.response.url}: ${JSON.stringify(result.error)}`,
    );
  return result.data;
}
