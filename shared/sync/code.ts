/**
 * Codes people copy by hand: 25 characters of Crockford base 32 (125 bits) in five groups, easy to
 * read aloud and to type back. No I, L, O or U; lower case, spaces and dashes are ignored, and I/L/O
 * typed are read as 1/1/0. Used for the recovery code of the data key and for the 离线同步码 a
 * committee gives a branch that syncs by file.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 25;

const groups = (chars: string): string => [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5)).join('-');

/** A new random code, e.g. `7K2QD-…`, from the platform's cryptographic random source. */
export function newCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  return groups([...bytes].map((b) => CROCKFORD[b & 31]).join(''));
}

/** The code as it was made, from what someone typed; null when it cannot be one. */
export function normalizeCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== CODE_LENGTH || [...cleaned].some((c) => !CROCKFORD.includes(c))) return null;
  return groups(cleaned);
}
