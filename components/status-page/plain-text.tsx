import { Fragment } from "react";

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * What a person wrote, shown as text: line breaks kept, http(s) addresses as links. Never HTML —
 * React escapes every character, and only addresses that start with http(s) become links.
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const parts: (string | { href: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ href: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <p className={`whitespace-pre-line wrap-anywhere ${className ?? ""}`}>
      {parts.map((p, i) =>
        typeof p === "string" ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <a
            key={i}
            href={p.href}
            rel="nofollow noopener noreferrer ugc"
            target="_blank"
            className="underline underline-offset-2"
          >
            {p.href}
          </a>
        ),
      )}
    </p>
  );
}
