import { LogoMark } from "@/components/ui/logo";
import { Button } from "@/components/ui/button";

/** The reference a server error carries to its log line; nothing else of the error is shown. */
function errorDigest(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.length > 0 ? digest : null;
}

/** What a visitor sees when a page failed: a calm message, a retry, a way home. */
export function ErrorScreen({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <LogoMark className="size-9" />
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        This page could not be shown just now. Trying again usually helps.
      </p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
        {/* A full load: whatever broke this page's client state is left behind. */}
        <a href="/" className="px-2 text-sm font-medium underline underline-offset-4">
          Back to Vigil
        </a>
      </div>
      {digest ? (
        <p className="mt-8 text-xs text-zinc-500 dark:text-zinc-400">
          If it keeps happening, give this reference to whoever runs this Vigil:{" "}
          <code className="font-mono text-zinc-700 select-all dark:text-zinc-300">{digest}</code>
        </p>
      ) : null}
    </main>
  );
}
