import { crc32 } from 'node:zlib';
import { type Identity, type TestHub, tokenFor } from './hub';

export interface UploadFile {
  name: string;
  contentType: string;
  body: Buffer;
  /** attach at once to this ticket */
  ticketId?: string;
}

/** What POST /attachments answered: the status and the JSON body (a summary, or `{ errors }`). */
export interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    name?: string;
    contentType?: string;
    size?: number;
    sha256?: string;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** The hub's attachments endpoint, beside /graphql. */
export const attachmentsUrl = (t: TestHub): string => t.url.replace(/\/graphql$/, '/attachments');

/** Posts one file as `as` (no token at all when `as` is null); answers the status and body, whatever they are. */
export async function postAttachment(t: TestHub, as: Identity | null, file: UploadFile): Promise<UploadAnswer> {
  const query = file.ticketId ? `?ticketId=${encodeURIComponent(file.ticketId)}` : '';
  const headers: Record<string, string> = { 'content-type': file.contentType, 'x-file-name': encodeURIComponent(file.name) };
  if (as !== null) headers.authorization = `Bearer ${await tokenFor(as)}`;
  const res = await fetch(`${attachmentsUrl(t)}${query}`, { method: 'POST', headers, body: file.body });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

/** Uploads a file as `as` and answers its id; fails the test when the upload is refused. */
export async function uploadAttachment(t: TestHub, as: Identity, file: UploadFile): Promise<string> {
  const answer = await postAttachment(t, as, file);
  if (answer.status !== 201 || !answer.body.id) throw new Error(`upload refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** GET /attachments/:id as `as` (no token when null). */
export async function downloadAttachment(t: TestHub, as: Identity | null, id: string): Promise<Response> {
  const headers: Record<string, string> = as === null ? {} : { authorization: `Bearer ${await tokenFor(as)}` };
  return fetch(`${attachmentsUrl(t)}/${encodeURIComponent(id)}`, { headers });
}

/** A small real PDF (one empty page). */
export const samplePdf = (text = '竣工验收'): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** The 8-byte PNG signature and an IHDR chunk: enough for any sniffer to call it a PNG. */
export const samplePng = (): Buffer =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  ]);

/** The start of a Windows executable (MZ header, NULs and all). */
export const sampleExe = (): Buffer =>
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

/** A zip (stored, not compressed) of these entries, with a real central directory and CRCs. */
export function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** A minimal Word document (docx): a zip with the content-types part and word/document.xml. */
export const sampleDocx = (): Buffer =>
  makeZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  });

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
