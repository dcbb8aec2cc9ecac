// Readers of the release files, shared by the unit tests and the package tests.

/** Width and height of a PNG file, read from its IHDR chunk; undefined when it is not a PNG. */
export function pngSize(bytes: Buffer): {width: number; height: number} | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)}
}

/** The released versions of a CHANGELOG.md, newest first, as `## [1.2.3] - 2026-01-31` headings give them. */
export function changelogVersions(text: string): string[] {
  return [...text.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map((m) => m[1])
}
