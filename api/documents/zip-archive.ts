import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';

/** Entries beyond this many: not a paper (an OFD or a workbook has dozens), and not worth walking. */
const MAX_ENTRIES = 10_000;
/** The most one entry read here may unpack to: an XML part, bounded so that a ZIP bomb stays small. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

/** The names of a ZIP container's entries, and the text of the few the upload looks into. */
export interface ZipArchive {
  /** True when the archive holds an entry of exactly this name (`OFD.xml` is at the root, not `x/OFD.xml`). */
  has(name: string): boolean;
  /**
   * The entry's bytes as UTF-8 text; undefined when there is no such entry. Rejects an entry that is encrypted,
   * corrupt (its size or CRC does not match) or larger than {@link MAX_ENTRY_BYTES} unpacked.
   */
  text(name: string): Promise<string | undefined>;
}

/**
 * Reads the central directory of a ZIP container held in memory (yauzl, which checks every entry's declared size
 * against what it unpacks to). Undefined when the bytes are no readable ZIP, or hold more than {@link MAX_ENTRIES}.
 */
export async function openZip(bytes: Buffer): Promise<ZipArchive | undefined> {
  let zip: ZipFile;
  const entries = new Map<string, Entry>();
  try {
    zip = await fromBufferPromise(bytes, { strictFileNames: true });
    if (zip.entryCount > MAX_ENTRIES) return undefined;
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch {
    return undefined;
  }
  return {
    has: (name) => entries.has(name),
    async text(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.isEncrypted() || entry.uncompressedSize > MAX_ENTRY_BYTES) throw new Error(`${name}: not readable`);
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
