/**
 * Per-record memos that other parts of the engine fill in: a sentence keeps the results that
 * depend only on its own text (so an edit elsewhere reuses them), and a distinct word keeps
 * what is worked out once per word. The parse layer declares no slot for its consumers: each
 * consumer makes its own typed slot with `memoSlot`, so parse/ imports none of them.
 */
export interface MemoSlot<T> {
  readonly index: number
  readonly name: string
  /** Never set: carries the slot's value type. */
  readonly type?: T
}

let slots = 0

/** A new slot, typed by what its owner keeps in it; made once per owner, at module load. */
export function memoSlot<T>(name: string): MemoSlot<T> {
  return {index: slots++, name}
}

/** Values by slot, in a small array: a lookup is an index, not a hash. */
export class Memo {
  /** Made on first write: most words and many sentences never keep anything. */
  private values: unknown[] | undefined = undefined

  get<T>(slot: MemoSlot<T>): T | undefined {
    return this.values?.[slot.index] as T | undefined
  }

  set<T>(slot: MemoSlot<T>, value: T): T {
    ;(this.values ??= [])[slot.index] = value
    return value
  }

  /** The slot's value, computed and kept on first use. */
  getOr<T>(slot: MemoSlot<T>, compute: () => T): T {
    const known = this.values?.[slot.index]
    if (known !== undefined) return known as T
    return this.set(slot, compute())
  }
}
