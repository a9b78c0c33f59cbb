import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next hashes each ISR or static page it sends, in JavaScript, for an ETag: on a status page's
  // render too. The custom server sets a public status page's ETag itself.
  generateEtags: false,
  // Vigil keeps no ISR copy across restarts (the first visit after a start renders afresh), so
  // writing every render to disk before answering is waste on the first visit after a flip.
  experimental: { isrFlushToDisk: false },
  // Native or stateful server packages: loaded by Node at run time, never bundled, so the
  // custom server and Next's route handlers share one copy through globalThis.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "@node-rs/argon2",
    "pino",
    "socket.io",
    "rate-limiter-flexible",
  ],
};

export default nextConfig;
