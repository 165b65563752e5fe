/** Every collection is validated by the validator compiled at build time from its own schema. */
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { collections, COLLECTION_NAMES } from '@shared/model';
import { precompiled, validatorsReady } from './validate';

await validatorsReady;

const full = (name: (typeof COLLECTION_NAMES)[number]) => fillWithDefaultSettings(collections[name].schema as RxJsonSchema<unknown>);
const stored = <T extends object>(doc: T) => ({ ...doc, _deleted: false, _rev: '1-a', _meta: { lwt: 1700000000000 }, _attachments: {} });

describe('compiled validators', () => {
  it.each(COLLECTION_NAMES)('exist for %s and match its schema', (name) => {
    expect(precompiled(full(name))).not.toBeNull();
  });

  it('are not used for a schema that differs from the one they were built from', () => {
    const changed = { ...full('people'), version: full('people').version + 1 };
    expect(precompiled(changed)).toBeNull();
  });

  it('accept a valid person and refuse one with a wrong code, a missing field or an extra field', () => {
    const validate = precompiled(full('people'))!;
    const person = stored(generateDemoBranch({ today: '2026-11-23' }).people[0]!);
    expect(validate(person)).toBe(true);
    expect(validate({ ...person, gender: '男' })).toBe(false);
    const { name: _name, ...nameless } = person;
    expect(validate(nameless)).toBe(false);
    expect(validate({ ...person, salary: 100 })).toBe(false);
  });
});
