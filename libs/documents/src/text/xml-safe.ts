/**
 * XML 1.0 cannot carry most control characters (U+0000–U+001F except tab, LF and CR), lone
 * surrogates or U+FFFE/U+FFFF, even escaped: one in document.xml makes Word refuse the file.
 * They are shown as U+FFFD, the replacement character, so the loss is visible, never silent.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');

export const escapeXml = (text: string): string =>
  xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
