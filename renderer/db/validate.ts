/**
 * Schema validation of every write with validators compiled at build time (build/schema-validators.ts).
 * A schema the build did not see (a test-only schema, or a mismatch) falls back to z-schema, which
 * interprets the schema: correct, only slower.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- RxDB hands validators schemas of any document type */
import { wrappedValidateStorageFactory, type RxJsonSchema } from 'rxdb';
import { getValidator as zSchemaValidator } from 'rxdb/plugins/validate-z-schema';
import * as compiled from 'virtual:branchdesk-validators';
import { schemaFingerprint } from '@shared/model/fingerprint';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

export function precompiled(schema: RxJsonSchema<any>): CompiledValidator | null {
  const id = `v_${schema.title}`;
  const validate = (compiled as unknown as Record<string, CompiledValidator | undefined>)[id];
  if (!validate || compiled.fingerprints[id] !== schemaFingerprint(schema)) return null;
  return validate;
}

function getValidator(schema: RxJsonSchema<any>) {
  const validate = precompiled(schema);
  if (!validate) {
    if (schema.title && schema.title !== 'RxInternalDocument') console.warn(`schema ${schema.title} v${schema.version} has no build-time validator: using z-schema`);
    return zSchemaValidator(schema);
  }
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? [{ message: 'invalid' }]));
}

export const wrappedValidateCompiledStorage = wrappedValidateStorageFactory(getValidator as never, 'ajv-compiled');
