/**
 * PostgreSQL `bigint` (int8) as a JS number, the one place it is converted. pg returns int8 as a
 * string and PGlite as a number; both drivers are given this parser, so rows read the same on both.
 * Sequences and audit ids stay far below 2^53; past it, failing is better than rounding.
 */
export const INT8_OID = 20;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is beyond a safe JS integer`);
  return value;
}
