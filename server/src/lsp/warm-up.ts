import {builtinTerminology, lint, type Terminology} from '../engine/index.js'

/** Sentences per warm-up paragraph, and how many paragraphs at most (about a second's work at most on a slow machine). */
const SENTENCES = 8
const MAX_PARAGRAPHS = 60

/**
 * Paragraphs made of the terminology's own flag and pass examples, one example per entry in
 * turn: every rule and most kinds of phrase appear, so the lints below run the engine's hot
 * paths (tokens, classes, tries, context checks) before a writer's draft arrives.
 */
export function warmUpParagraphs(terminology: Terminology, max = MAX_PARAGRAPHS): string[] {
  const sentences = terminology.entries.flatMap((e) => [e.examples.flag[0], e.examples.pass[0]].filter((s): s is string => s !== undefined))
  const out: string[] = []
  for (let i = 0; i < sentences.length && out.length < max; i += SENTENCES) out.push(sentences.slice(i, i + SENTENCES).join(' '))
  return out
}

/**
 * Loads the terminology, then lints the warm-up paragraphs one per turn of the event loop
 * until `busy` says a document is open (or they run out). V8 optimises a function only after it has run for a while, so the
 * first lint of a cold server is about twice as slow as a later one; linting small texts while
 * the editor is still starting moves that cost out of the writer's first lint. One paragraph
 * is a few milliseconds, so a didOpen that arrives meanwhile waits at most that long: the
 * warm-up yields to it and stops. Resolves with the number of paragraphs linted.
 */
export function warmUp(busy: () => boolean, paragraphs?: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    let done = 0
    let queue: readonly string[] | undefined = paragraphs
    const step = (): void => {
      const terminology = builtinTerminology()
      if (busy()) return resolve(done)
      queue ??= warmUpParagraphs(terminology)
      if (done >= queue.length) return resolve(done)
      lint(queue[done++])
      setImmediate(step)
    }
    setImmediate(step)
  })
}
