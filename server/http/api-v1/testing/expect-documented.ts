import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { openApiDocument } from "@/server/http/api-v1/schemas/document";

type Operation = { responses?: Record<string, { content?: Record<string, { schema: unknown }> }> };

const document = openApiDocument();
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("example");
// Components become $defs of one schema, so a response's $ref resolves inside ajv.
const rebase = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"vigil#/$defs/'));
ajv.addSchema({ $id: "vigil", $defs: rebase(document.components?.schemas ?? {}) });

const templates = Object.keys(document.paths ?? {}).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));
const compiled = new Map<string, ValidateFunction>();

function operationFor(method: string, path: string): { template: string; op: Operation } {
  const bare = new URL(path, "http://vigil.test").pathname
    .replace(/^\/api\/v1/, "")
    .replace(/(.)\/$/, "$1");
  for (const { template, pattern } of templates) {
    const op = (document.paths?.[template] as Record<string, Operation> | undefined)?.[
      method.toLowerCase()
    ];
    if (pattern.test(bare) && op) return { template, op };
  }
  throw new Error(`${method} ${bare} is not in the OpenAPI document`);
}

/**
 * Fails unless the answer's status is documented for this path and method and its body matches
 * the documented schema exactly (every response object forbids undocumented fields).
 */
export async function expectDocumented(method: string, path: string, res: Response) {
  // HEAD is answered as GET without a body.
  if (method === "HEAD") return;
  const { template, op } = operationFor(method, path);
  const where = `${method} ${template} → ${res.status}`;
  const documented = op.responses?.[String(res.status)];
  if (!documented) throw new Error(`${where} is not a documented status`);
  const text = await res.clone().text();
  const schema = documented.content?.["application/json"]?.schema;
  if (!schema) {
    if (text !== "") throw new Error(`${where} is documented without a body but has one`);
    return;
  }
  const key = `${where}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(schema) as object);
    compiled.set(key, validate);
  }
  const body: unknown = JSON.parse(text);
  if (!validate(body))
    throw new Error(`${where} does not match the document: ${ajv.errorsText(validate.errors)}`);
}
