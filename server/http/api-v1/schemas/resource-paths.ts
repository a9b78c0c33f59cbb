import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  QUOTA,
  answer,
  errors,
  idParams,
  jsonBody,
  noContent,
  readErrors,
  writeErrors,
} from "./common";
import { listOf } from "./shape";

type ResourceRoutes = {
  path: `/${string}`;
  /** The resource as every answer but create's shows it, and how those answers call it. */
  one: { schema: z.ZodType; name: string };
  /** `schema` defaults to `{ <path as snake_case>: [one] }`, named after one's id + "List". */
  list: { summary: string; description: string; schema?: z.ZodType };
  /** The create (POST) and patch bodies, as `writeBodies` makes them. */
  bodies: { create: z.ZodType; update: z.ZodType };
  /** Summaries of the routes. */
  create: string;
  get: string;
  patch: string;
  /** What create answers when it is not `one` (a secret shown once). */
  created?: z.ZodType;
  delete: string;
  /** Prose of a 409 that create and patch may answer. */
  conflict?: string;
  /** Summaries of POST …/{id}/pause and …/{id}/resume, for resources that pause. */
  pause?: { pause: string; resume: string };
};

function listSchema(r: ResourceRoutes): z.ZodType {
  if (r.list.schema) return r.list.schema;
  const id = z.globalRegistry.get(r.one.schema)?.id;
  if (!id) throw new Error(`${r.path}: give the resource schema an id or the list a schema`);
  return listOf(r.path.slice(1).replaceAll("-", "_"), r.one.schema, `${id}List`);
}

/** The list, create, get, patch and delete routes (and pause/resume) every REST resource has. */
export function resourcePaths(r: ResourceRoutes): ZodOpenApiPathsObject {
  const path = { path: idParams };
  const one = { "200": answer(r.one.name, r.one.schema) };
  const conflict = r.conflict ? errors([409], { 409: r.conflict }) : {};
  const change = (summary: string) => ({
    post: { summary, requestParams: path, responses: { ...one, ...writeErrors() } },
  });
  return {
    [r.path]: {
      get: {
        summary: r.list.summary,
        responses: { "200": answer(r.list.description, listSchema(r)), ...errors([401]) },
      },
      post: {
        summary: r.create,
        requestBody: jsonBody(r.bodies.create),
        responses: {
          "201": answer("Created", r.created ?? r.one.schema),
          ...writeErrors({ 403: QUOTA }),
          ...conflict,
        },
      },
    },
    [`${r.path}/{id}`]: {
      get: { summary: r.get, requestParams: path, responses: { ...one, ...readErrors() } },
      patch: {
        summary: r.patch,
        requestParams: path,
        requestBody: jsonBody(r.bodies.update),
        responses: { ...one, ...writeErrors(), ...conflict },
      },
      delete: {
        summary: r.delete,
        requestParams: path,
        responses: { "204": noContent("Deleted"), ...writeErrors() },
      },
    },
    ...(r.pause && {
      [`${r.path}/{id}/pause`]: change(r.pause.pause),
      [`${r.path}/{id}/resume`]: change(r.pause.resume),
    }),
  };
}
