import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function draws(seed: number, count: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => random.int(0, 1_000_000));
}

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(42, 20)).toEqual(draws(42, 20));
  });

  it('gives another sequence for another seed', () => {
    expect(draws(42, 20)).not.toEqual(draws(43, 20));
  });

  it('draws integers within both bounds, reaching each of them', () => {
    const random = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws floats from 0 up to but not including 1', () => {
    const random = new SeededRandom(2);
    const values = Array.from({ length: 1000 }, () => random.next());
    expect(values.filter((v) => v < 0 || v >= 1)).toEqual([]);
  });

  it('never comes true with a chance of 0 and always with a chance of 1', () => {
    const random = new SeededRandom(3);
    const outcomes = Array.from({ length: 200 }, () => [random.chance(0), random.chance(1)]);
    expect(new Set(outcomes.map(([never, always]) => `${never} ${always}`))).toEqual(new Set(['false true']));
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new SeededRandom(4).pick([])).toThrow('pick from an empty list');
  });

  it('never picks an entry of weight 0', () => {
    const random = new SeededRandom(5);
    const picked = new Set(Array.from({ length: 500 }, () => random.weighted([['汉族', 5], ['回族', 0], ['满族', 1]] as const)));
    expect(picked).toEqual(new Set(['汉族', '满族']));
  });

  it('makes ULIDs whose time part is the instant given', () => {
    const atMs = Date.parse('2026-11-23T09:00:00.000+08:00');
    const id = new SeededRandom(6).id(atMs);
    expect({ matches: ULID.test(id), time: decodeTime(id) }).toEqual({ matches: true, time: atMs });
  });

  it('makes different ULIDs for the same instant', () => {
    const random = new SeededRandom(7);
    const ids = Array.from({ length: 1000 }, () => random.id(0));
    expect(new Set(ids).size).toBe(1000);
  });
});
