/** The signature of a zip's end-of-central-directory record, and the record's fixed size. */
const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const ENTRY_SIGNATURE = 0x02014b50;
const ENTRY_SIZE = 46;
/** The comment after the end record is at most 65,535 bytes: the record is searched for no further back. */
const MAX_COMMENT = 0xffff;
/** Enough to tell a docx from an xlsx; a zip of a million entries is not read to the end. */
const MAX_ENTRIES = 10_000;

/**
 * The entry names a zip's central directory lists, or null when the bytes are no readable zip.
 * Office Open XML documents (docx, xlsx, pptx) are zips told apart only by these names
 * (`word/`, `xl/`, `ppt/`), and the central directory at the end is where a zip says what it
 * holds: local headers at the front may be stale or absent for streamed entries.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < END_SIZE) return null;
  const end = findEndRecord(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryStart = bytes.readUInt32LE(end + 16);
  // ZIP64 (0xffffffff) only appears past 4 GB, far above any upload limit: refused as unreadable.
  if (directoryStart + directorySize > end) return null;
  const names: string[] = [];
  let at = directoryStart;
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (at + ENTRY_SIZE > end || bytes.readUInt32LE(at) !== ENTRY_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameStart = at + ENTRY_SIZE;
    if (nameStart + nameLength > end) return null;
    names.push(bytes.toString('utf8', nameStart, nameStart + nameLength));
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndRecord(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - END_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_SIZE; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  return -1;
}
