import { zipEntryNames } from './zip-entries.util';

/** A kind of document the center keeps: its media type, the file name endings it goes by, and what its bytes look like. */
export interface DocumentType {
  readonly mediaType: string;
  /** stored and served as (text is served with its charset, which the check proved) */
  readonly storedAs: string;
  readonly extensions: readonly string[];
  readonly matches: (bytes: Buffer) => boolean;
}

const startsWith = (bytes: Buffer, ...signature: number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

const isZip = (bytes: Buffer): boolean =>
  (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) && zipEntryNames(bytes) !== null;

/** Office Open XML is a zip with a content-types part and the application's folder. */
const isOfficeDocument =
  (folder: string) =>
  (bytes: Buffer): boolean => {
    if (!startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return false;
    const names = zipEntryNames(bytes);
    return !!names && names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(folder));
  };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text is UTF-8 (GB 18030 exports are refused rather than stored as mojibake) with no control
 * characters but tab, line breaks and form feed: that is what tells a renamed binary apart.
 */
const isText = (bytes: Buffer): boolean => {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const OOXML = 'application/vnd.openxmlformats-officedocument';

/** What may be uploaded: the documents of an order's life (方案, 竣工图, 测试报告, 验收单) and their data. */
const KEPT: readonly Omit<DocumentType, 'storedAs'>[] = [
  { mediaType: 'application/pdf', extensions: ['.pdf'], matches: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d) },
  { mediaType: 'image/png', extensions: ['.png'], matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { mediaType: `${OOXML}.wordprocessingml.document`, extensions: ['.docx'], matches: isOfficeDocument('word/') },
  { mediaType: `${OOXML}.spreadsheetml.sheet`, extensions: ['.xlsx'], matches: isOfficeDocument('xl/') },
  { mediaType: `${OOXML}.presentationml.presentation`, extensions: ['.pptx'], matches: isOfficeDocument('ppt/') },
  { mediaType: 'application/zip', extensions: ['.zip'], matches: isZip },
  { mediaType: 'text/plain', extensions: ['.txt', '.log'], matches: isText },
  { mediaType: 'text/csv', extensions: ['.csv'], matches: isText },
];

export const DOCUMENT_TYPES: readonly DocumentType[] = KEPT.map((type) => ({
  ...type,
  storedAs: type.mediaType.startsWith('text/') ? `${type.mediaType}; charset=utf-8` : type.mediaType,
}));

/** Why an upload's content was refused: a type not kept at all, or bytes that are not what was declared. */
export type ContentRefusal = 'UNSUPPORTED_TYPE' | 'CONTENT_MISMATCH';

export type ContentRefused = { ok: false; refusal: ContentRefusal; message: string };
export type ContentCheck = { ok: true; contentType: string } | ContentRefused;

/** The media type without parameters, lower case (`Text/CSV; charset=utf-8` is `text/csv`). */
export const bareMediaType = (declared: string | undefined): string => (declared ?? '').split(';')[0].trim().toLowerCase();

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/**
 * What can be told before the bytes arrive: the declared type must be one the center keeps, and
 * the file name must end as that type does (a `.exe` is never served back as a PDF under its own
 * name). Answers the type's entry, or why not.
 */
export function checkDeclared(declared: string | undefined, name: string): { ok: true; type: DocumentType } | ContentRefused {
  const mediaType = bareMediaType(declared);
  const type = DOCUMENT_TYPES.find((t) => t.mediaType === mediaType);
  if (!type) {
    const accepted = DOCUMENT_TYPES.map((t) => t.mediaType).join(', ');
    return { ok: false, refusal: 'UNSUPPORTED_TYPE', message: `Type "${mediaType.slice(0, 100)}" is not kept; accepted: ${accepted}` };
  }
  if (!type.extensions.includes(extensionOf(name))) {
    return {
      ok: false,
      refusal: 'UNSUPPORTED_TYPE',
      message: `A ${mediaType} file is named ${type.extensions.map((e) => `*${e}`).join(' or ')}; "${name.slice(0, 100)}" is not`,
    };
  }
  return { ok: true, type };
}

/** The declared type and name as checkDeclared checks them, then the bytes (magic numbers, zip directories, UTF-8 text). */
export function checkContent(declared: string | undefined, name: string, bytes: Buffer): ContentCheck {
  const declaredType = checkDeclared(declared, name);
  if (!declaredType.ok) return declaredType;
  const { type } = declaredType;
  if (!type.matches(bytes)) {
    return { ok: false, refusal: 'CONTENT_MISMATCH', message: `The bytes are not a ${type.mediaType} file, as the upload declared` };
  }
  return { ok: true, contentType: type.storedAs };
}
