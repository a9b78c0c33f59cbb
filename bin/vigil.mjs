#!/usr/bin/env node
// Operator CLI: `npx vigil <command>`. Loads the TypeScript sources through tsx.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../server/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
