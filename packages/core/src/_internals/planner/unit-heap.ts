/**
 * A binary min-heap of unit ids ordered by a key per unit, then by id (deterministic plans). Each entry is
 * `key * stride + id` in one double, so a comparison reads no other array (the keys are levels and ids
 * are below `capacity`, so entries stay exact integers far below 2^53).
 */
export class UnitHeap {
  readonly #key: Int32Array;
  readonly #stride: number;
  readonly #items: Float64Array;
  #size = 0;

  constructor(key: Int32Array, capacity: number) {
    this.#key = key;
    this.#stride = Math.max(1, capacity);
    this.#items = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.#size;
  }

  /** The key of the smallest item; only when not empty. */
  peekKey(): number {
    return this.#key[this.#items[0]! % this.#stride]!;
  }

  push(unit: number): void {
    const items = this.#items;
    const entry = this.#key[unit]! * this.#stride + unit;
    let position = this.#size++;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const above = items[parent]!;
      if (above <= entry) break;
      items[position] = above;
      position = parent;
    }
    items[position] = entry;
  }

  pop(): number {
    const items = this.#items;
    const top = items[0]!;
    const size = --this.#size;
    const last = items[size]!;
    let position = 0;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= size) break;
      let smaller = items[child]!;
      if (child + 1 < size) {
        const right = items[child + 1]!;
        if (right < smaller) {
          child += 1;
          smaller = right;
        }
      }
      if (smaller >= last) break;
      items[position] = smaller;
      position = child;
    }
    if (size > 0) items[position] = last;
    return top % this.#stride;
  }
}
