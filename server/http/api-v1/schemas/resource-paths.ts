import type { z } from "zod";
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

type ResourceRoutes = {
  path: `/${string}`;
  /** The resource as every answer but create's shows it, and how those answers call it. */
  one: { schema: z.ZodType; name: string };
  list: { summary: string; description: string; schema: z.ZodType };
  create: { summary: string; body: z.ZodType; answer?: z.ZodType };
  get: string;
  patch: { summary: string; body: z.ZodType };
  delete: string;
  /** Prose of a 409 that create and patch may answer. */
  conflict?: string;
  /** Summaries of POST …/{id}/pause and …/{id}/resume, for resources that pause. */
  pause?: { pause: string; resume: string };
};

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
        responses: { "200": answer(r.list.description, r.list.schema), ...errors([401]) },
      },
      post: {
        summary: r.create.summary,
        requestBody: jsonBody(r.create.body),
        responses: {
          "201": answer("Created", r.create.answer ?? r.one.schema),
          ...writeErrors({ 403: QUOTA }),
          ...conflict,
        },
      },
    },
    [`${r.path}/{id}`]: {
      get: { summary: r.get, requestParams: path, responses: { ...one, ...readErrors() } },
      patch: {
        summary: r.patch.summary,
        requestParams: path,
        requestBody: jsonBody(r.patch.body),
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
