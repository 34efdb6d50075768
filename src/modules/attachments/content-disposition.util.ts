/** RFC 5987 attr-char leaves these out, though encodeURIComponent keeps them. */
const NOT_ATTR_CHAR = /['()*]/g;
const NOT_PLAIN = /[^\x20-\x7e]|["\\%;]/g;

/**
 * `Content-Disposition: attachment` with the stored file name: `filename*` carries it exactly
 * (UTF-8, percent-encoded: 竣工图.pdf), `filename` a plain-ASCII stand-in for old clients. The name
 * cannot break out of the header: no quote, backslash or control character reaches it unencoded.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(NOT_PLAIN, '_');
  const encoded = encodeURIComponent(name).replace(NOT_ATTR_CHAR, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
