import { writeFileSync } from "node:fs";
import { DOCUMENT_PATH, TYPES_PATH, renderOpenApiFiles } from "./render-openapi";

// `npm run openapi`: writes the REST API v1 document and regenerates the typed client's types.
const { document, types } = await renderOpenApiFiles();
writeFileSync(DOCUMENT_PATH, document);
writeFileSync(TYPES_PATH, types);
console.log(`wrote ${DOCUMENT_PATH} and ${TYPES_PATH}`);
