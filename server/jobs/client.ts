import { Inngest } from "inngest";
import type { Config } from "@/server/config";

/** The Inngest client for this configuration; without Inngest configured it only serves introspection. */
export function createInngestClient(config: Config["inngest"]): Inngest {
  return new Inngest({
    id: "vigil",
    // Unconfigured, only GET introspection is served (POST and PUT are refused before the client).
    isDev: config.isDev || !config.enabled,
    eventKey: config.eventKey,
    signingKey: config.signingKey,
    baseUrl: config.devServerUrl ?? config.baseUrl,
  });
}
