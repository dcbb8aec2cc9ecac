/**
 * The (token, node) states one search of the matcher has been in, for the nodes that more
 * than one edge leads to: a search must visit each such state once, or a phrase reached by
 * two paths would be found twice. Nearly always a node is reached at one token only, so each
 * node keeps the last token it was reached at, stamped with the search; only a node reached
 * at a second token in the same search falls back to a set. Starting a search is a counter
 * increment: clearing a set at every start was the matcher's most frequent allocation.
 */
export class SearchStates {
  private readonly stamp: Int32Array
  private readonly lastAt: Int32Array
  private search = 0
  private readonly more = new Set<number>()
  private moreUsed = false

  constructor(private readonly nodes: number) {
    this.stamp = new Int32Array(nodes)
    this.lastAt = new Int32Array(nodes)
  }

  /** Forgets every state: the next search starts. */
  next(): void {
    if (this.search === 0x7fffffff) {
      this.stamp.fill(0)
      this.search = 0
    }
    this.search++
    if (this.moreUsed) {
      this.more.clear()
      this.moreUsed = false
    }
  }

  /** Records the state; false when this search was already in it. */
  enter(node: number, at: number): boolean {
    if (this.stamp[node] !== this.search) {
      this.stamp[node] = this.search
      this.lastAt[node] = at
      return true
    }
    const last = this.lastAt[node]
    if (last === at) return false
    const key = at * this.nodes + node
    if (this.more.has(key)) return false
    this.moreUsed = true
    // The set holds every state of the node but the last one, which the arrays hold.
    this.more.add(last * this.nodes + node)
    this.more.add(key)
    this.lastAt[node] = at
    return true
  }
}
