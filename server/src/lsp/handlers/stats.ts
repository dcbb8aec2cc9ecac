import type {Connection} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {StatsNotification, type DocumentStats} from '../../../../common/protocol.js'
import type {LintResult} from '../../engine/index.js'

const grade = (n: number): number | null => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null)
const MAX_SENTENCE_CHARS = 300

/** The figures the status bar and the readability report show for one lint of a document. */
export function documentStats(doc: TextDocument, result: LintResult, targetGrade: number): DocumentStats {
  const {stats, findings} = result
  const range = (offset: number, endOffset: number) => ({start: doc.positionAt(offset), end: doc.positionAt(endOffset)})
  const text = doc.getText()
  const counts = {error: 0, warning: 0, info: 0}
  const families: Record<string, number> = {accuracy: 0, readability: 0, promotion: 0}
  for (const f of findings) {
    counts[f.severity]++
    const family = f.ruleId.split('/')[0]
    families[family] = (families[family] ?? 0) + 1
  }
  const hasSentences = stats.document.counts.sentences > 0
  return {
    uri: doc.uri,
    version: doc.version,
    targetGrade,
    smog: hasSentences ? grade(stats.document.grades.smog) : null,
    sentences: stats.document.counts.sentences,
    words: stats.document.counts.words,
    sections: stats.sections.map((s) => ({
      title: s.title ?? '',
      range: range(s.offset, s.endOffset),
      smog: s.counts.sentences > 0 ? grade(s.grades.smog) : null,
      sentences: s.counts.sentences,
      words: s.counts.words,
    })),
    hardest: stats.hardestSentences.map((s) => {
      const sentence = text.slice(s.offset, s.endOffset).replace(/\s+/g, ' ').trim()
      return {
        range: range(s.offset, s.endOffset),
        text: sentence.length > MAX_SENTENCE_CHARS ? `${sentence.slice(0, MAX_SENTENCE_CHARS - 1)}…` : sentence,
        grade: grade(s.grade) ?? 0,
        words: s.words,
      }
    }),
    counts,
    families,
    numbers: stats.numbers.map((n) => ({range: range(n.offset, n.endOffset), text: n.text.replace(/\s+/g, ' '), measure: n.measure, lacks: n.lacks})),
  }
}

/** Sends the stats of a lint just published (StatsNotification): the client's status bar and report show them. */
export function publishStats(connection: Connection, stats: DocumentStats): void {
  void connection.sendNotification(StatsNotification, stats)
}
