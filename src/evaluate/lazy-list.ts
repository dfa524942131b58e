/**
 * An array whose items are made when first read. `evaluateCity` returns its
 * community findings in one: each item is a plain object (spread it, write it
 * as JSON, compare it), but none is made before somebody reads it, so a
 * million communities cost their verdicts, not six million messages. The
 * laziness stays inside: what is read is plain data, and the list is an array
 * (`Array.isArray`, indexes, `length`, every array method, `JSON.stringify`).
 * `[...list]` or `list.slice()` gives an ordinary array (which
 * `structuredClone` accepts, as far as its items allow).
 * @internal
 */

/** Node's and Deno's keys for a custom display (console.log, notebooks), which look at the array behind the list. */
const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');
const DENO_INSPECT = Symbol.for('Deno.customInspect');
/** How many items a display shows, as Node does by default. */
const SHOWN = 100;

/**
 * The index a property key names (its canonical digits: "0", "17", never "017"), when it names one below `limit`;
 * -1 otherwise. Read digit by digit, without making a string: it runs on every read of the list.
 */
function indexOf(key: string | symbol, limit: number): number {
  if (typeof key !== 'string') return -1;
  const n = key.length;
  if (n === 0 || n > 10) return -1;
  let i = key.charCodeAt(0) - 48;
  if (i < 0 || i > 9 || (i === 0 && n > 1)) return -1;
  for (let k = 1; k < n; k++) {
    const d = key.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    i = i * 10 + d;
  }
  return i < limit ? i : -1;
}

/**
 * A list of `lazy` items made by `make(index)` when first read, followed by the `rest`, already made.
 * @internal
 */
export function lazyList<T>(lazy: number, make: (index: number) => T, rest: readonly T[]): T[] {
  const target: T[] = new Array(lazy + rest.length);
  for (let i = 0; i < rest.length; i++) target[lazy + i] = rest[i]!;
  /** Whether the item at `i` is still to be made (never read, and neither set nor deleted since). */
  const made = new Uint8Array(lazy);
  const fill = (t: T[], i: number): void => {
    if (made[i] === 0) {
      made[i] = 1;
      if (i < t.length && !(i in t)) t[i] = make(i);
    }
  };
  const all = (t: T[]): void => {
    for (let i = 0; i < Math.min(lazy, t.length); i++) fill(t, i);
  };
  const proxy: T[] = new Proxy(target, {
    get(t, key, receiver) {
      const i = indexOf(key, lazy);
      if (i >= 0) fill(t, i);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      const i = indexOf(key, lazy);
      if (i >= 0) fill(t, i);
      return Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = indexOf(key, lazy);
      if (i >= 0) fill(t, i);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      all(t);
      return Reflect.ownKeys(t);
    },
    set(t, key, value, receiver) {
      const i = indexOf(key, lazy);
      if (i >= 0) made[i] = 1;
      // Cut short, a list forgets the items beyond its new length, as an array does: lengthened again, they are empty.
      if (key === 'length') for (let j = Math.max(0, Number(value)); j < Math.min(lazy, t.length); j++) made[j] = 1;
      return Reflect.set(t, key, value, receiver);
    },
    preventExtensions(t) {
      // Frozen or sealed, the array behind can take no item: make every one first.
      all(t);
      return Reflect.preventExtensions(t);
    },
    defineProperty(t, key, descriptor) {
      const i = indexOf(key, lazy);
      if (i >= 0) made[i] = 1;
      return Reflect.defineProperty(t, key, descriptor);
    },
    deleteProperty(t, key) {
      const i = indexOf(key, lazy);
      if (i >= 0) made[i] = 1;
      return Reflect.deleteProperty(t, key);
    },
  });
  // for…of walks the array behind, making each item as it comes, as the array's own iterator would read it
  // through the proxy (the length read at each step: items set, deleted or cut off since are seen as they are now).
  Object.defineProperty(target, Symbol.iterator, {
    value: function iterate(): IterableIterator<T> {
      let i = 0;
      return {
        next(): IteratorResult<T> {
          if (i >= target.length) return { value: undefined, done: true };
          fill(target, i);
          return { value: target[i++]!, done: false };
        },
        [Symbol.iterator]() {
          return this;
        },
      };
    },
  });
  // A display looks at the array behind a proxy, not through it: show it the first items, made, and how many more
  // there are (as one more line of the list, within the display's own limit).
  const display = (options?: { maxArrayLength?: number }): unknown[] => {
    const limit = options?.maxArrayLength ?? SHOWN;
    const n = proxy.length <= limit ? proxy.length : Math.max(0, limit - 1);
    const head: unknown[] = [];
    for (let i = 0; i < n; i++) head.push(proxy[i]);
    if (proxy.length > n) head.push(`… ${proxy.length - n} more`);
    return head;
  };
  Object.defineProperty(target, NODE_INSPECT, {
    value: (_depth: number, options: { maxArrayLength?: number }, inspect: (v: unknown, o: object) => string) => inspect(display(options), options),
  });
  Object.defineProperty(target, DENO_INSPECT, {
    value: (inspect: (v: unknown, o?: object) => string, options?: { maxArrayLength?: number }) => inspect(display(options), options),
  });
  return proxy;
}
