/**
 * A short fingerprint of a schema (FNV-1a, 32 bits, hex) over its JSON with object keys sorted:
 * RxDB hands validators a key-sorted copy, so the order of keys must not matter.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

export function schemaFingerprint(schema: unknown): string {
  const text = JSON.stringify(canonical(schema));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
