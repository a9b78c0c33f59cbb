/** Who reads a time: their locale and IANA time zone. */
export type Reader = { locale: string; timeZone: string };

/** Before the browser is known (server render, emails, alerts): English, in UTC, zone named. */
export const UTC_READER: Reader = { locale: "en-US", timeZone: "UTC" };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(key: string, reader: Reader, options: Intl.DateTimeFormatOptions) {
  const id = `${key}|${reader.locale}|${reader.timeZone}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(reader.locale, { ...options, timeZone: reader.timeZone });
    formats.set(id, format);
  }
  return format;
}

const toMs = (at: Date | string | number) => new Date(at).getTime();

/** A moment with its zone: "Dec 6, 2026, 8:22 PM UTC", "6. Dez. 2026, 21:22 MEZ". */
export function formatDateTime(
  at: Date | string | number,
  reader: Reader = UTC_READER,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  const format = formatFor(seconds ? "dts" : "dt", reader, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    timeZoneName: "short",
  });
  return format.format(toMs(at));
}

/** A calendar day: "Dec 6, 2026", "06.12.2026". */
export function formatDate(at: Date | string | number, reader: Reader = UTC_READER): string {
  return formatFor("d", reader, { year: "numeric", month: "short", day: "numeric" }).format(
    toMs(at),
  );
}

/** A time of day with its zone: "8:22 PM UTC", "21:22 MEZ". */
export function formatTime(at: Date | string | number, reader: Reader = UTC_READER): string {
  return formatFor("t", reader, {
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(toMs(at));
}
