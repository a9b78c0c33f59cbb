import { serveInngest } from "@/server/jobs/serve-inngest";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serveInngest;
