/** Union-find over dense integer ids 0..capacity-1, with path halving, in one typed array. */
export class DisjointSets {
  readonly parent: Int32Array;
  #size = 0;

  constructor(capacity: number) {
    this.parent = new Int32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  add(): number {
    const id = this.#size++;
    this.parent[id] = id;
    return id;
  }

  find(id: number): number {
    const parent = this.parent;
    let node = id;
    while (parent[node] !== node) {
      const grand = parent[parent[node]!]!;
      parent[node] = grand;
      node = grand;
    }
    return node;
  }

  union(a: number, b: number): number {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[rootB] = rootA;
    return rootA;
  }
}
