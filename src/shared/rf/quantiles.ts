/**
 * Order statistics on typed arrays. Quantiles interpolate linearly between order statistics
 * (Hyndman–Fan type 7, the default of R and NumPy), so the median of an even count is the mean
 * of the middle two.
 */

/** The q-quantile (0–1) of an ascending-sorted array; NaN when empty. */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const a = sorted[lo]!
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1]! - a) : a
}

/** Number of values ≥ `threshold` in an ascending-sorted array. */
export function countAtLeast(sorted: Float64Array, threshold: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < threshold) lo = mid + 1
    else hi = mid
  }
  return sorted.length - lo
}

/**
 * The q-quantile of `values` in O(n) by quickselect. Reorders `values` in place; pass a scratch copy
 * when the order matters.
 */
export function selectQuantile(values: Float64Array, q: number): number {
  const n = values.length
  if (n === 0) return NaN
  const h = (n - 1) * q
  const k = Math.floor(h)
  const a = selectKth(values, k)
  if (k + 1 >= n || h === k) return a
  let next = Infinity
  for (let i = k + 1; i < n; i++) if (values[i]! < next) next = values[i]!
  return a + (h - k) * (next - a)
}

/** Places the k-th smallest value at index k (smaller before, larger after) and returns it. */
export function selectKth(values: Float64Array, k: number): number {
  let left = 0
  let right = values.length - 1
  while (right > left) {
    const pivot = medianOfThree(values, left, right)
    let i = left
    let j = right
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        swap(values, i, j)
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else break
  }
  return values[k]!
}

function medianOfThree(values: Float64Array, left: number, right: number): number {
  const a = values[left]!
  const b = values[(left + right) >>> 1]!
  const c = values[right]!
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!
  values[i] = values[j]!
  values[j] = t
}

/**
 * Centred sliding-window median of `values[start, end)`, written to `out[start, end)`. The window
 * holds `window` samples (odd), truncated at the ends of the range. A sorted buffer slides along:
 * each step swaps the leaving value for the entering one, moving only the values between them.
 */
export function slidingMedian(values: Float64Array, start: number, end: number, window: number, out: Float64Array): void {
  const half = window >> 1
  const buffer = new Float64Array(window + 1)
  let size = 0
  for (let j = start; j < Math.min(end, start + half); j++) size = insertSorted(buffer, size, values[j]!)
  for (let i = start; i < end; i++) {
    const entering = i + half
    const leaving = i - half - 1
    if (entering < end && leaving >= start) replaceSorted(buffer, size, values[leaving]!, values[entering]!)
    else if (entering < end) size = insertSorted(buffer, size, values[entering]!)
    else if (leaving >= start) size = removeSorted(buffer, size, values[leaving]!)
    const mid = size >> 1
    out[i] = size & 1 ? buffer[mid]! : (buffer[mid - 1]! + buffer[mid]!) / 2
  }
}

function insertSorted(buffer: Float64Array, size: number, value: number): number {
  let i = size
  while (i > 0 && buffer[i - 1]! > value) {
    buffer[i] = buffer[i - 1]!
    i--
  }
  buffer[i] = value
  return size + 1
}

function removeSorted(buffer: Float64Array, size: number, value: number): number {
  for (let i = lowerBound(buffer, size, value); i < size - 1; i++) buffer[i] = buffer[i + 1]!
  return size - 1
}

function replaceSorted(buffer: Float64Array, size: number, leaving: number, entering: number): void {
  let i = lowerBound(buffer, size, leaving)
  if (entering > leaving) {
    for (; i + 1 < size && buffer[i + 1]! < entering; i++) buffer[i] = buffer[i + 1]!
  } else {
    for (; i > 0 && buffer[i - 1]! > entering; i--) buffer[i] = buffer[i - 1]!
  }
  buffer[i] = entering
}
function lowerBound(buffer: Float64Array, size: number, value: number): number {
  let lo = 0
  let hi = size
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (buffer[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
