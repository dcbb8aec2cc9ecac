/**
 * Word classes by number. The matcher asks at every token which classes start there and
 * whether an edge leads on by one of them: compared as small integers these are array reads,
 * where by name each was a string-keyed lookup (the most frequent operation of a search).
 * The numbers are the process's own, shared by every class index and matcher, so the spans of
 * one terminology and the edges of a writer's layer built on it agree; they are never stored.
 */
const ids = new Map<string, number>()
const names: string[] = []

/** The number of class `name`, given on first use. */
export function classId(name: string): number {
  let id = ids.get(name)
  if (id === undefined) {
    id = names.length
    ids.set(name, id)
    names.push(name)
  }
  return id
}

/** The number of class `name`, or -1 when no class of that name was ever numbered. */
export const knownClassId = (name: string): number => ids.get(name) ?? -1

/** The name of class number `id`. */
export const className = (id: number): string => names[id]
