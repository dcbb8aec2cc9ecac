// WordNet's exception lists as wink-lexicon ships them: an inflected form -> its lemma.
declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const exceptions: Record<string, string>
  export default exceptions
}
declare module 'wink-lexicon/src/wn-noun-exceptions.js' {
  const exceptions: Record<string, string>
  export default exceptions
}
