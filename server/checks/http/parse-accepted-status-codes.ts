/** Turns entries like "204" or "200-299" into a predicate, throwing on any entry that is not one. */
export function parseAcceptedStatusCodes(list: string[]): (code: number) => boolean {
  if (list.length === 0) throw new Error("Accepted status codes must not be empty");
  const ranges = list.map(parseEntry);
  return (code) => ranges.some(([low, high]) => code >= low && code <= high);
}

function parseEntry(entry: string): [number, number] {
  const match = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(entry);
  const low = Number(match?.[1]);
  const high = match?.[2] === undefined ? low : Number(match[2]);
  if (!match || !isStatusCode(low) || !isStatusCode(high)) {
    throw new Error(
      `Invalid accepted status code "${entry}": use a code from 100 to 599 or a range like 200-299`,
    );
  }
  if (low > high) {
    throw new Error(
      `Invalid accepted status code range "${entry}": ${low} is greater than ${high}`,
    );
  }
  return [low, high];
}

function isStatusCode(value: number): boolean {
  return Number.isInteger(value) && value >= 100 && value <= 599;
}
