import createClient from "openapi-fetch";
import type { paths } from "./openapi-types";

/** A typed client of REST API v1: paths, bodies and answers come from the generated document. */
export const createVigilClient = (baseUrl: string, apiKey: string) =>
  createClient<paths>({
    baseUrl: `${baseUrl.replace(/\/$/, "")}/api/v1`,
    headers: { authorization: `Bearer ${apiKey}` },
  });
