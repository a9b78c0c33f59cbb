const countFormats = new Map<string, Intl.NumberFormat>();

/** A count or a rate in the reader's locale, to one decimal at most: "1,234", "2.5", "1.234,5". */
export function formatCount(n: number, locale = "en-US"): string {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    countFormats.set(locale, format);
  }
  return format.format(n);
}
