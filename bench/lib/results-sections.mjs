// bench/RESULTS.md is written by two scripts: bench/run.mjs writes the top, and keeps the
// section bench/shards.mjs writes below this mark. Kept here, apart from shards.mjs, because
// importing shards.mjs would parse its command line with run.mjs's options.
export const SHARDS_SECTION_MARK = '<!-- bench/shards.mjs: the section below is written by node bench/shards.mjs -->'
