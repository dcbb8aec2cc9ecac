/** A mistake in how oncolint was called: one line on stderr and exit code 2. */
export class UsageError extends Error {}

/**
 * One file that could not be linted or fixed (binary, too long, unreadable, read-only…): the
 * run goes on, the file is reported with `reason`, and the exit code is 2.
 */
export class FileProblem extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

/**
 * An error as one line: Node's errno messages already start with their code ("EISDIR: illegal
 * operation on a directory, open '…'"), so the code is added only when it is not there.
 */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const code = (e as NodeJS.ErrnoException).code
  const message = e.message.split('\n')[0]
  return code && !message.startsWith(code) ? `${code}: ${message}` : message
}

/**
 * errorText without the system call and path Node appends ("…, open '/a/b'"): the caller names
 * the file itself. Cut at the first ", <call> '" (a linear search; a backtracking pattern over
 * the whole message was quadratic on a hostile path).
 */
export function errorReason(e: unknown): string {
  const text = errorText(e)
  const at = /, [a-z]+ '/.exec(text)
  return at && text.endsWith("'") ? text.slice(0, at.index) : text
}
