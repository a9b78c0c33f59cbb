import { serve } from "inngest/next";
import { getRuntime } from "@/server/runtime";
import { createInngestClient } from "@/server/jobs/client";
import { createFunctions } from "@/server/jobs/functions";

type Handler = (req: Request, ctx: unknown) => Promise<Response>;
let handler: { GET: Handler; POST: Handler; PUT: Handler } | null = null;

function inngestHandler() {
  if (handler) return handler;
  const client = createInngestClient(getRuntime().config.inngest);
  handler = serve({ client, functions: createFunctions(client) }) as unknown as {
    GET: Handler;
    POST: Handler;
    PUT: Handler;
  };
  return handler;
}

const notConfigured = () =>
  Response.json(
    {
      error:
        "Inngest is not configured on this Vigil (set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY)",
    },
    { status: 404 },
  );

/** GET introspects the functions; POST (runs) and PUT (registration) only when Inngest drives Vigil. */
export const serveInngest = {
  GET: (req: Request, ctx: unknown) => inngestHandler().GET(req, ctx),
  POST: (req: Request, ctx: unknown) =>
    getRuntime().config.inngest.enabled ? inngestHandler().POST(req, ctx) : notConfigured(),
  PUT: (req: Request, ctx: unknown) =>
    getRuntime().config.inngest.enabled ? inngestHandler().PUT(req, ctx) : notConfigured(),
};
