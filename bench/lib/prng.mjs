// A seeded generator keeps every generated config byte-identical between
// runs and machines, so cached data and results stay comparable.

/** mulberry32: tiny, fast, and good enough for picking test data. */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive) => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)],
    chance: (probability) => next() < probability,
    /** Shuffles in place (Fisher-Yates). */
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    hex: (length) => {
      let text = "";
      while (text.length < length) text += int(0x100000000).toString(16).padStart(8, "0");
      return text.slice(0, length);
    },
  };
}
