/**
 * Checks every pushed document against its collection's JSON schema from shared/model, the same
 * schema the app validates with (build/schema-validators.ts). The wire form is the document data
 * plus `_deleted` (no `_rev`, `_meta`, `_attachments`), so the server validates exactly that:
 * the collection's properties and `_deleted`, nothing else.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { RxJsonSchema } from 'rxdb';
import { collections, type CollectionName } from '../../../shared/model';
import type { WireDoc } from '../../../shared/sync/protocol';

/** The schema keywords RxDB adds to JSON Schema, as RxDB's own ajv plugin allows them. */
const RXDB_KEYWORDS = ['version', 'keyCompression', 'primaryKey', 'indexes', 'encrypted', 'final', 'sharding', 'internalIndexes', 'attachments', 'ref', 'crdt'];

function wireSchema(schema: RxJsonSchema<unknown>): object {
  return {
    ...schema,
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
    required: [...new Set([...(schema.required ?? []), schema.primaryKey as unknown as string, '_deleted'])],
    // RxDB fills this in as false for every collection (fillWithDefaultSettings): no field the schema does not name.
    additionalProperties: false,
  };
}

let validators: Map<CollectionName, ValidateFunction> | undefined;

function validatorFor(collection: CollectionName): ValidateFunction {
  if (!validators) {
    // unicode: false counts string lengths in UTF-16 units, as the app's validators do; same verdict on both sides.
    const logger = { log: () => undefined, warn: (message: unknown) => void (String(message).includes('option unicode') || console.warn(message)), error: console.error };
    const ajv = new Ajv({ strict: true, unicode: false, allErrors: false, logger });
    for (const keyword of RXDB_KEYWORDS) ajv.addKeyword(keyword);
    validators = new Map(Object.entries(collections).map(([name, definition]) => [name as CollectionName, ajv.compile(wireSchema(definition.schema as RxJsonSchema<unknown>))]));
  }
  return validators.get(collection)!;
}

/** Compiles every validator now, so the first push does not pay for it. */
export function prepareValidators(): void {
  validatorFor('orgs');
}

/** Why the document does not fit, in Chinese, naming the field; null when it is valid. */
export function documentProblem(collection: CollectionName, doc: unknown): string | null {
  const validate = validatorFor(collection);
  if (!validate(doc)) return describe(validate.errors?.[0]);
  // PostgreSQL's jsonb cannot hold the NUL character; no real text contains it.
  const nul = findNul(doc, '');
  if (nul !== null) return `字段 ${nul || '（文档）'} 含有不允许的控制字符 \\u0000`;
  return null;
}

export function isWireDoc(collection: CollectionName, doc: unknown): doc is WireDoc {
  return documentProblem(collection, doc) === null;
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return '格式不正确';
  const path = error.instancePath || '（文档）';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段 ${joinPath(error.instancePath, String(params.missingProperty))}`;
    case 'additionalProperties':
      return `多出了不认识的字段 ${joinPath(error.instancePath, String(params.additionalProperty))}`;
    case 'type':
      return `字段 ${path} 的类型应为 ${String(params.type)}`;
    case 'maxLength':
      return `字段 ${path} 超过最大长度 ${String(params.limit)}`;
    case 'minLength':
      return `字段 ${path} 短于最小长度 ${String(params.limit)}`;
    case 'pattern':
      return `字段 ${path} 的格式不对（应符合 ${String(params.pattern)}）`;
    case 'enum':
      return `字段 ${path} 的取值不在允许范围内`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `字段 ${path} 的数值超出范围（${error.keyword} ${String(params.limit)}）`;
    default:
      return `字段 ${path} 不符合要求（${error.keyword}）`;
  }
}

function joinPath(parent: string, child: string): string {
  return `${parent}/${child}`;
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}/${key}`;
      const found = findNul(item, `${path}/${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
