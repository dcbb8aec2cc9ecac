import {createHash} from 'node:crypto'
import {relative, sep} from 'node:path'
import {UsageError} from './errors.js'
import type {Selection} from './files.js'

/** `--shard K/N`: this run lints the K-th of N shares of the files (K from 1). */
export interface Shard {
  index: number
  count: number
}

export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN]
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard needs K/N with 1 <= K <= N, such as 3/8, got "${value}"`)
  }
  return {index, count}
}

/**
 * The shard (1 to `count`) a file falls in: a hash of its path relative to `cwd` (with `/`
 * between folders), modulo `count`. A file's shard depends on its own path only, so adding or
 * removing drafts moves no other file to another shard, and each CI job's --cache stays warm
 * for the files it had; sorted-order round robin would shift every file after an insertion to
 * the next shard. Relative paths make it the same on every machine and checkout folder. The
 * shares are even on average (for 20,000 files in 8 shards, about 2,500 +- 50 each).
 */
export function shardOf(file: string, cwd: string, count: number): number {
  const path = relative(cwd, file).split(sep).join('/')
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1
}

/** The files of the selection (and the ignored and unreadable ones reported) that fall in `shard`. */
export function selectShard(selection: Selection, shard: Shard | undefined, cwd: string): Selection {
  if (!shard) return selection
  const mine = (file: string) => shardOf(file, cwd, shard.count) === shard.index
  return {
    files: selection.files.filter(mine),
    named: new Set([...selection.named].filter(mine)),
    ignored: selection.ignored.filter(mine),
    failures: selection.failures.filter((f) => mine(f.path)),
  }
}
