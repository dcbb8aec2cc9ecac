/** A mistake in how oncolint was called: one line on stderr and exit code 2. */
export class UsageError extends Error {}
