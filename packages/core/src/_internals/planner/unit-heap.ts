/** A binary min-heap of unit ids ordered by a key per unit, then by id (deterministic plans). */
export class UnitHeap {
  readonly #key: Int32Array;
  readonly #items: Int32Array;
  #size = 0;

  constructor(key: Int32Array, capacity: number) {
    this.#key = key;
    this.#items = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.#size;
  }

  /** The key of the smallest item; only when not empty. */
  peekKey(): number {
    return this.#key[this.#items[0]!]!;
  }

  #less(a: number, b: number): boolean {
    const keyA = this.#key[a]!;
    const keyB = this.#key[b]!;
    return keyA < keyB || (keyA === keyB && a < b);
  }

  push(unit: number): void {
    const items = this.#items;
    let position = this.#size++;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.#less(unit, items[parent]!)) break;
      items[position] = items[parent]!;
      position = parent;
    }
    items[position] = unit;
  }

  pop(): number {
    const items = this.#items;
    const top = items[0]!;
    const last = items[--this.#size]!;
    let position = 0;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= this.#size) break;
      if (child + 1 < this.#size && this.#less(items[child + 1]!, items[child]!)) child += 1;
      if (!this.#less(items[child]!, last)) break;
      items[position] = items[child]!;
      position = child;
    }
    if (this.#size > 0) items[position] = last;
    return top;
  }
}
