import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/**
 * Growth of the server's resident memory since its last collection (or its start) above which an
 * idle server collects garbage: below it a collection would give back too little to be worth
 * its time.
 */
export const GROWTH_BYTES = 32 * 1024 * 1024

/** A full collection, as `gc()` of `--expose-gc` runs it. */
export type Collect = () => void

/**
 * The full collection `--expose-gc` gives, without that flag at start: an editor launches the
 * server as `node oncolint.js --stdio` and passes no V8 flags. The flag is set at run time and
 * `gc` read from a new context, as jest's leak detector does; V8 reads the flag when a context
 * is made, so the server's own context is unchanged.
 */
export function exposedCollect(): Collect {
  setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as Collect
  // V8 stamps a code cache with a hash of its flags and rejects a cache made under other flags:
  // the flag is set back so the caches the build writes from a server session still load.
  setFlagsFromString('--no-expose-gc')
  return collect
}


/**
 * Gives memory back to the system when the server goes idle. Linting a draft allocates a great
 * deal that dies young, and V8 keeps the heap it grew to: V8's own memory reducer leaves an idle
 * server holding several times the memory it uses (docs/performance.md, "Memory given back when
 * idle"). So once no lint has been scheduled for `delayMs`, and resident memory has grown by
 * GROWTH_BYTES since the last collection, the server runs two full collections (the second frees
 * the pages the first one's sweeping left), a turn apart so a message that arrives meanwhile is
 * served between them. The delay is the typing debounce: a keystroke that arrives during a collection lints a
 * debounce later, after the collection has ended, so typing never waits for one.
 */
export class IdleCompaction {
  private timer: NodeJS.Timeout | undefined
  private second: NodeJS.Immediate | undefined
  /** Resident memory after the last collection, or at start. */
  private baseline: number

  constructor(
    private readonly delayMs: number,
    private readonly collect: Collect = exposedCollect(),
    private readonly rss: () => number = process.memoryUsage.rss,
  ) {
    this.baseline = rss()
  }

  /** Work arrived (a lint scheduled or under way): no collection until the server is idle again. */
  busy(): void {
    clearTimeout(this.timer)
    clearImmediate(this.second)
    this.timer = this.second = undefined
  }

  /** The server has nothing to do: collect after `delayMs` unless work arrives first. */
  idle(): void {
    this.busy()
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.rss() - this.baseline < GROWTH_BYTES) return
      this.collect()
      this.second = setImmediate(() => {
        this.second = undefined
        this.collect()
        this.baseline = this.rss()
      })
    }, this.delayMs)
    // A waiting collection does not keep the process alive (the server exits when its client goes).
    this.timer.unref()
  }

  dispose(): void {
    this.busy()
  }
}
