import {open, type Entry, type ZipFile} from 'yauzl'

/** Every file of a zip archive (a .vsix) by name, with its contents and sizes. */
export async function readZip(file: string): Promise<Map<string, {data: Buffer; compressedSize: number}>> {
  const zip = await new Promise<ZipFile>((resolve, reject) => open(file, {lazyEntries: true}, (err, z) => (err ? reject(err) : resolve(z))))
  const files = new Map<string, {data: Buffer; compressedSize: number}>()
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', resolve)
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return void zip.readEntry()
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('error', reject)
        stream.on('end', () => {
          files.set(entry.fileName, {data: Buffer.concat(chunks), compressedSize: entry.compressedSize})
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  return files
}
