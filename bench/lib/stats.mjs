export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * How much `cost` grows per 10x of `size` between two points, assuming a
 * power law: 10 means linear, 100 quadratic. Lets a 5x step (10k → 50k
 * agents) be judged against the "10x input, at most 11x cost" target.
 */
export function growthPer10x(sizeFrom, costFrom, sizeTo, costTo) {
  if (!(costFrom > 0 && costTo > 0 && sizeTo > sizeFrom)) return null;
  return 10 ** (Math.log(costTo / costFrom) / Math.log(sizeTo / sizeFrom));
}
