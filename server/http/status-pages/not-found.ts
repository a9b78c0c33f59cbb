import { lazyBody } from "@/server/http/status-pages/page-cache";

/**
 * The one 404 every missing or private-to-you status page gets: the same bytes whatever the slug,
 * so a response can never tell a private page from one that does not exist.
 */
export const notFoundHtml = lazyBody(
  Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Page not found · Vigil</title>
<style>
:root{color-scheme:light dark;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;min-height:100dvh;display:grid;place-items:center;background:#fff;color:#18181b}
main{max-width:28rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0 0 1.25rem;color:#52525b;line-height:1.5}
a{color:#047857;font-weight:500}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}p{color:#a1a1aa}a{color:#34d399}}
</style></head>
<body><main><p style="font-size:.8rem;letter-spacing:.08em;text-transform:uppercase">404</p>
<h1>This status page does not exist</h1>
<p>Check the address, or ask the people who run the service for the right link.</p>
<a href="/">Go to the home page</a></main></body></html>
`),
  "text/html; charset=utf-8",
);

export const notFoundJson = lazyBody(
  Buffer.from(JSON.stringify({ error: "status page not found" })),
  "application/json; charset=utf-8",
);
