/** The names of an oncolint configuration file, in the order oncolint prefers them; the server's loader and the client's "Create configuration" share them. */
export const CONFIG_NAMES = ['.oncolintrc.json', '.oncolintrc.yaml', '.oncolintrc.yml'] as const
