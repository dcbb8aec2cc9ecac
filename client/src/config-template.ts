// What "oncolint: Create configuration" writes. Kept apart from the command (no vscode import)
// so the unit tests can check it against the schema and the config loader.

export {CONFIG_NAMES} from '../../common/config-files.js'

export const CONFIG_FILE = '.oncolintrc.yaml'

/**
 * A commented .oncolintrc.yaml that changes nothing as written: `accept` is empty and every
 * other key is an example left commented out, at its default where it has one. Uncommenting a
 * key's lines gives a valid setting (the unit tests check each one).
 */
export const CONFIG_TEMPLATE = `# oncolint configuration for the drafts in this folder and the folders below it.
# The nearest .oncolintrc.* above a draft applies. VS Code, the command line and CI read the
# same file, so they report the same findings. Every key is optional: to use one, delete the
# "# " at the start of its lines. \`npx oncolint --list-rules\` lists the rules.

# Phrases never flagged in this project, such as a term your readers know. The editor's
# "Accept '...' in this workspace" action on a finding adds to this list.
accept: []

# Severity per family (accuracy, readability, promotion) or per rule: off, info, warning or error.
# rules:
#   promotion: error
#   readability/passive-voice: off
#   readability/long-paragraph: info

# Reading grade (SMOG) above which readability/grade-level reports (default 8).
# targetGrade: 8

# Words in a sentence above which readability/long-sentence reports (default 25).
# maxSentenceWords: 25

# Words in a paragraph above which readability/long-paragraph reports (default 120).
# maxParagraphWords: 120

# Extra terminology files, relative to this file, in the format of oncolint's terminology/*.yaml.
# terminology:
#   - our-terms.yaml

# The nearest configuration applies on its own, and the search for one never goes above the
# repository root (a folder holding .git). root: true marks this file as the project's top
# (oncolint --print-config shows it).
# root: true
`

