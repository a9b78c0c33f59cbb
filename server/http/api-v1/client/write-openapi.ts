import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  DOCUMENT_PATH,
  TYPES_PATH,
  renderOpenApiDocument,
  renderOpenApiTypes,
} from "./render-openapi";

// `npm run openapi`: writes openapi.json and the typed client's types. `--types`: the types only,
// which every fresh checkout needs (npm ci runs it) and type checks regenerate first.
const typesOnly = process.argv.includes("--types");

// Unchanged files keep their mtime, so `npm start` does not rebuild for nothing.
function write(path: string, contents: string) {
  if (existsSync(path) && readFileSync(path, "utf8") === contents) return;
  writeFileSync(path, contents);
  console.log(`wrote ${path}`);
}

const document = renderOpenApiDocument();
if (!typesOnly) write(DOCUMENT_PATH, document);
try {
  write(TYPES_PATH, await renderOpenApiTypes(document));
} catch (error) {
  const missing = (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND";
  if (!missing || !typesOnly) throw error;
  console.warn(
    `openapi: no openapi-typescript (dev dependencies left out); ${TYPES_PATH} not written`,
  );
}
