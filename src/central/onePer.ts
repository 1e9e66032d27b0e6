/**
 * `create(key)` once per key, kept as long as the key lives: the central store's per-process state
 * (token cache, kept configuration, recent print listings) hangs off its context or storage, so
 * several stores in one process (tests, the embedded store) never share it.
 */
export function onePer<K extends object, V>(create: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key)!;
    const value = create(key);
    made.set(key, value);
    return value;
  };
}
