/**
 * The set of teacher ids seen in a streamed file, as two 32-bit hashes per id: 8 bytes of memory per
 * teacher, no strings kept.
 */

/** Two 32-bit hashes of a string, for the set of ids seen. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, (b >>> 0) | 1]; // b is never 0, so 0 marks an empty slot
}

/** A set of ids as hash pairs: 8 bytes per id, no strings kept. May report a false repeat, never miss one. */
export class IdHashes {
  private table = new Uint32Array(1 << 17);
  private size = 0;

  /** Adds the id; true when a pair equal to its pair was there already. */
  add(id: string): boolean {
    if ((this.size + 1) * 2 > this.table.length / 2) this.grow();
    const [a, b] = hashes(id);
    return this.insert(this.table, a, b);
  }

  private insert(table: Uint32Array, a: number, b: number): boolean {
    const mask = table.length / 2 - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const sb = table[slot * 2 + 1] as number;
      if (sb === 0) {
        table[slot * 2] = a;
        table[slot * 2 + 1] = b;
        if (table === this.table) this.size++;
        return false;
      }
      if (sb === b && table[slot * 2] === a) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    const next = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] !== 0) this.insert(next, old[i] as number, old[i + 1] as number);
    }
    this.table = next;
  }
}
