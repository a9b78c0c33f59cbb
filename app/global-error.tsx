"use client";

import "./globals.css";
import { ErrorScreen } from "@/components/errors/error-screen";

// Replaces the root layout when that fails, so it brings its own document and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <title>Something went wrong · Vigil</title>
        <ErrorScreen error={error} retry={retry} />
      </body>
    </html>
  );
}
