/** Base64 for binary values, the same in the app, the server and the sync files (no Node Buffer in the browser). */

export function toBase64(bytes: Uint8Array): string {
  // In chunks: one character at a time took 300 ms for a 2 MB value (file sync's bookkeeping).
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(binary);
}

/** Throws (a DOMException) on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
