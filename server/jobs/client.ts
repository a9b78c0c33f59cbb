import { Inngest } from "inngest";

// Without a signing key Inngest runs in dev mode (unsigned local requests); with Inngest
// configured for production, INNGEST_SIGNING_KEY is required by the config check at start-up.
export const inngest = new Inngest({
  id: "vigil",
  isDev: Boolean(process.env.INNGEST_DEV) || !process.env.INNGEST_SIGNING_KEY,
});
