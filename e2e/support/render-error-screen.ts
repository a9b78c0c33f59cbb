// Prints the error screen's markup for e2e/error-pages.spec.ts (run through tsx, which resolves
// the components' `next/link` import the way Next does).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ErrorScreen } from "@/components/errors/error-screen";

const error = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), {
  digest: "2749163508",
});
process.stdout.write(renderToStaticMarkup(createElement(ErrorScreen, { error, retry: () => {} })));
