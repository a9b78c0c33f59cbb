"use client";

import { Switch } from "@/components/status-pages/switch";

/** The Public / Private switch, saying plainly who can see the page either way. */
export function VisibilitySetting({
  visibility,
  slug,
  busy,
  error,
  onChange,
}: {
  visibility: "public" | "private";
  slug: string;
  busy: boolean;
  error: string | null;
  onChange: (visibility: "public" | "private") => void;
}) {
  const isPublic = visibility === "public";
  return (
    <div>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium">Who can see this page</p>
          <p id="visibility-help" className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {isPublic ? (
              <>
                Public: anyone with the link can see it at{" "}
                <span className="font-mono wrap-anywhere">/status/{slug}</span>, no sign-in.
              </>
            ) : (
              "Private: only members of this workspace, signed in, can see it; everyone else gets 404."
            )}
          </p>
        </div>
        <Switch
          checked={isPublic}
          disabled={busy}
          aria-label="Public"
          aria-describedby="visibility-help"
          onClick={() => onChange(isPublic ? "private" : "public")}
        />
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
