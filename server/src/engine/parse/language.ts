// VS Code calls plain text "plaintext"; Neovim and other LSP clients call it "text".
const PLAIN = new Set(['plaintext', 'text', 'txt'])

/** Whether a document of this language id is read as plain text (anything else is Markdown). */
export function isPlainText(languageId: string | undefined): boolean {
  return PLAIN.has(languageId ?? '')
}
