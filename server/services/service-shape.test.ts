import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The rule: a service entry point is an async function of server/services that production code
// above the services (app/, server/main.ts, server/startup, the adapters and their support) imports;
// it takes one parameter, destructured as `{ ctx }` or `{ ctx, input }` (ids in `input`, config and
// policy in `ctx`). Synchronous imports are pure or in-memory helpers and are left out, so services
// declare every promise-returning export `async`. Other exports stay internal.
const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVICES = "server/services/";
const CALLERS = ["app", "server/main.ts", "server/runtime.ts"].concat(
  ["startup", "trpc", "http", "jobs", "realtime", "cli", "auth", "bootstrap", "control"].map(
    (dir) => `server/${dir}`,
  ),
);

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourceFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (statSync(abs, { throwIfNoEntry: false })?.isFile()) return [rel];
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(abs).flatMap((name) =>
    /\.tsx?$/.test(name) || !name.includes(".") ? sourceFiles(`${rel}/${name}`) : [],
  );
}

const parse = (rel: string) =>
  ts.createSourceFile(rel, readFileSync(path.join(ROOT, rel), "utf8"), ts.ScriptTarget.Latest);

/** Service file (relative, without extension) → names imported from it as values by callers. */
export function entryPointsCalledBy(callerFiles: string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const file of callerFiles.filter((f) => !isTest(f))) {
    for (const node of parse(file).statements) {
      if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) continue;
      const spec = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (!spec.startsWith(`@/${SERVICES}`) || !clause || clause.isTypeOnly) continue;
      const names = clause.namedBindings;
      if (!names || !ts.isNamedImports(names)) continue;
      const key = spec.slice(2);
      const set = used.get(key) ?? new Set<string>();
      for (const el of names.elements)
        if (!el.isTypeOnly) set.add((el.propertyName ?? el.name).text);
      used.set(key, set);
    }
  }
  return used;
}

type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const isAsync = (fn: Fn) =>
  (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

function exportedFunctions(source: ts.SourceFile): Map<string, Fn> {
  const found = new Map<string, Fn>();
  const isExported = (n: ts.Node) =>
    ts.canHaveModifiers(n) &&
    (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const node of source.statements) {
    if (ts.isFunctionDeclaration(node) && node.name && isExported(node))
      found.set(node.name.text, node);
    if (ts.isVariableStatement(node) && isExported(node))
      for (const decl of node.declarationList.declarations) {
        const init = decl.initializer;
        if (
          ts.isIdentifier(decl.name) &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        )
          found.set(decl.name.text, init);
      }
  }
  return found;
}

/** Why `fn` is not `({ ctx, input })`, or null when it is. */
export function shapeProblem(fn: Fn): string | null {
  if (fn.parameters.length !== 1) return `takes ${fn.parameters.length} parameters`;
  const [param] = fn.parameters;
  if (!param || !ts.isObjectBindingPattern(param.name))
    return "does not destructure { ctx, input }";
  const names = param.name.elements.map((el) => {
    const key = el.propertyName ?? el.name;
    return ts.isIdentifier(key) ? key.text : "?";
  });
  if (!names.includes("ctx")) return "has no ctx";
  const extra = names.filter((n) => n !== "ctx" && n !== "input");
  return extra.length ? `takes ${extra.join(", ")} beside ctx and input` : null;
}

export function shapeViolations(callerRoots: string[]): string[] {
  const used = entryPointsCalledBy(callerRoots.flatMap(sourceFiles));
  const problems: string[] = [];
  for (const [file, names] of used) {
    const rel = [`${file}.ts`, `${file}.tsx`].find((f) => sourceFiles(f).length);
    if (!rel) continue;
    const source = parse(rel);
    const fns = exportedFunctions(source);
    for (const name of [...names].sort()) {
      const fn = fns.get(name);
      const problem = fn && isAsync(fn) && shapeProblem(fn);
      if (problem) problems.push(`${name} (${rel}) ${problem}`);
    }
  }
  return problems.sort();
}

describe("service shape", () => {
  it("every service an adapter calls takes one { ctx, input } argument", () => {
    expect(shapeViolations(CALLERS)).toEqual([]);
  }, 30_000);

  it("names a service that takes positional arguments", () => {
    const fn = exportedFunctions(
      ts.createSourceFile(
        "x.ts",
        "export const findThing = async (db: Db, id: string) => db.find(id);",
        ts.ScriptTarget.Latest,
        true,
      ),
    ).get("findThing");
    expect(fn && shapeProblem(fn)).toBe("takes 2 parameters");
  });
});
