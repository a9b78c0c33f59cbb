const percentFormats = new Map<string, Intl.NumberFormat>();

const percentFormat = (locale: string) => {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  return format;
};

/**
 * Uptime as a percentage in the reader's locale: "99.95%" (en-US), "99,95 %" (de-DE). Cut, never
 * rounded up, to hundredths, so any downtime at all reads at most 99.99%, never 100%.
 */
export function formatUptime(ratio: number | null, locale = "en-US"): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  // The tiny allowance keeps 1 − 0.0005 (0.99949999…) at 99.95%; ratios come from sums of ms.
  let basisPoints = Math.floor(Math.min(1, Math.max(0, ratio)) * 10_000 + 1e-7);
  if (ratio < 1 && basisPoints >= 10_000) basisPoints = 9_999;
  return percentFormat(locale).format(basisPoints / 10_000);
}

/** Uptime in basis points (10,000 = 100%) as formatUptime writes it; "No data" for none. */
export const formatBasisPoints = (bp: number | null, locale = "en-US"): string =>
  bp === null ? "No data" : percentFormat(locale).format(Math.min(bp, 10_000) / 10_000);
