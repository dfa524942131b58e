import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { lazyList } from './lazy-list.js';

/** A lazy list of `n` items `{ i }` and two already made, with the indexes made so far. */
function list(n: number) {
  const made: number[] = [];
  const l = lazyList(
    n,
    (i) => {
      made.push(i);
      return { i };
    },
    [{ i: -1 }, { i: -2 }],
  );
  return { l, made, eager: [...Array.from({ length: n }, (_, i) => ({ i })), { i: -1 }, { i: -2 }] };
}

describe('a list whose items are made when first read', () => {
  test('is an array with the items of the eager one, each made once, only when read', () => {
    const { l, made, eager } = list(5);
    expect(Array.isArray(l)).toBe(true);
    expect(l.length).toBe(7);
    expect(made).toEqual([]);
    expect(l[3]).toEqual({ i: 3 });
    expect(l[3]).toBe(l[3]);
    expect(made).toEqual([3]);
    expect(l[6]).toEqual({ i: -2 });
    expect(l[7]).toBeUndefined();
    expect(3 in l).toBe(true);
    expect(7 in l).toBe(false);
    expect([...l]).toEqual(eager);
    expect(made.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(JSON.stringify(l)).toBe(JSON.stringify(eager));
    expect(Object.keys(l)).toEqual(Object.keys(eager));
  });

  test('changes like an array: push, sort, splice, set, delete and length', () => {
    const { l, eager } = list(4);
    for (const a of [l, eager]) {
      a.push({ i: 9 });
      a.sort((x, y) => y.i - x.i);
      a.splice(1, 2, { i: 7 });
      a[0] = { i: 8 };
      delete a[1];
      a.length = 5;
    }
    expect(l.length).toBe(eager.length);
    for (let i = 0; i < eager.length; i++) expect(l[i], String(i)).toEqual(eager[i]);
    expect(1 in l).toBe(1 in eager);
  });

  test('for…of gives what the array iterator gives, items set, deleted or cut off during the walk included', () => {
    const walk = (a: { i: number }[], read: (a: { i: number }[]) => Iterable<{ i: number } | undefined>) => {
      const seen: ({ i: number } | undefined)[] = [];
      for (const x of read(a)) {
        seen.push(x);
        if (seen.length === 1) a[2] = { i: 20 };
        if (seen.length === 2) delete a[3];
        if (seen.length === 4) a.length = 5;
      }
      return seen;
    };
    const arrayIterator = (a: { i: number }[]) => ({ [Symbol.iterator]: () => Array.prototype.values.call(a) });
    const expected = walk(list(6).eager, arrayIterator);
    expect(walk(list(6).l, (a) => a)).toEqual(expected);
    expect(walk(list(6).l, arrayIterator)).toEqual(expected);
  });

  test('a key that is not an index in canonical digits makes nothing', () => {
    const { l, made } = list(20);
    for (const key of ['01', '1e0', ' 1', '1 ', '-0', '1.0', '4294967296', '12345678901', '']) expect(l[key as unknown as number], key).toBeUndefined();
    expect(made).toEqual([]);
    expect(l['19' as unknown as number]).toEqual({ i: 19 });
    expect(made).toEqual([19]);
  });

  test('a console shows its first items, made, not empty slots', () => {
    const { l } = list(150);
    const shown = inspect(l);
    expect(shown).toContain('{ i: 0 }');
    expect(shown).toContain('… 53 more'); // 99 shown, and a line for the rest, within Node's 100
    expect(shown).not.toContain('empty');
  });
});

describe('a list whose items are made when first read, frozen or cut short', () => {
  test('can be frozen, sealed or made non-extensible, with every item made', () => {
    for (const close of [(o: object) => Object.freeze(o), (o: object) => Object.seal(o), (o: object) => Object.preventExtensions(o)]) {
      const { l, eager } = list(4);
      close(l);
      expect(l).toEqual(eager);
      expect(Object.isExtensible(l)).toBe(false);
    }
  });

  test('cut short and lengthened again, has empty slots, as an array has', () => {
    const { l, made } = list(4);
    l.length = 1;
    l.length = 3;
    expect(1 in l).toBe(false);
    expect(l[2]).toBeUndefined();
    expect(made).toEqual([]);
  });
});
