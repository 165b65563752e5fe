declare module 'virtual:branchdesk-validators' {
  /** Fingerprint of the schema each validator was compiled from, by validator name (`v_<collection>`). */
  export const fingerprints: Record<string, string>;
}
