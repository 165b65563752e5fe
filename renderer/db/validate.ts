/**
 * Schema validation of every write with validators compiled at build time (build/schema-validators.ts).
 * A schema the build did not see (a test-only schema, or a mismatch) falls back to z-schema, which
 * interprets the schema: correct, only slower.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- RxDB hands validators schemas of any document type */
import { wrappedValidateStorageFactory, type RxJsonSchema } from 'rxdb';
import { getValidator as zSchemaValidator } from 'rxdb/plugins/validate-z-schema';
import { collections } from '@shared/model';
import { schemaFingerprint } from '@shared/model/fingerprint';

let compiled: { fingerprints: Record<string, string> } | null = null;

/**
 * The compiled validators (about 250 kB of code) load beside the app's start instead of before it;
 * a write that comes earlier is checked by z-schema. Bulk writes (demo data, imports) await this.
 */
export const validatorsReady: Promise<void> = import('virtual:branchdesk-validators').then((module) => {
  compiled = module;
});

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** The compiled validator for exactly this schema, or null (not loaded yet, or built from another version). */
export function precompiled(schema: RxJsonSchema<any>): CompiledValidator | null {
  if (!compiled) return null;
  const id = `v_${schema.title}`;
  const validate = (compiled as unknown as Record<string, CompiledValidator | undefined>)[id];
  if (!validate || compiled.fingerprints[id] !== schemaFingerprint(schema)) return null;
  return validate;
}

function getValidator(schema: RxJsonSchema<any>) {
  let fast: CompiledValidator | null = null;
  let slow: ((doc: unknown) => unknown[]) | null = null;
  let warned = false;
  return (doc: unknown) => {
    fast ??= precompiled(schema);
    if (fast) return fast(doc) ? [] : (fast.errors ?? [{ keyword: 'invalid' }]);
    // Only a current schema of ours should have been compiled; old versions (read while migrating) and
    // RxDB's internal schemas never are.
    const current = schema.title ? (collections as Record<string, { schema: { version: number } } | undefined>)[schema.title] : undefined;
    if (compiled && !warned && current?.schema.version === schema.version) {
      warned = true;
      console.warn(`schema ${schema.title} v${schema.version} has no build-time validator: using z-schema`);
    }
    slow ??= zSchemaValidator(schema);
    return slow(doc);
  };
}

export const wrappedValidateCompiledStorage = wrappedValidateStorageFactory(getValidator as never, 'ajv-compiled');
