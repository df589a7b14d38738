/**
 * What the first bytes of an office file say it is, before any parser or tool
 * sees it (shared by docx.ts and doc.ts): the OLE compound file of Word 97 and
 * of password-protected Office files, a zip, and the usual impostors.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Sniffed = 'ole' | 'zip' | 'pdf' | 'rtf' | 'html' | 'unknown';

export function sniff(bytes: Uint8Array): Sniffed {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart();
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^<(!doctype html|html|\?xml|meta)/i.test(head) || /<html[\s>]/i.test(head)) return 'html';
  return 'unknown';
}

/** A stream or storage name in an OLE directory; names are UTF-16LE there. */
export function hasOleName(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Word's password protection stores the real file encrypted inside an OLE file with these streams. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  return hasOleName(bytes, 'EncryptionInfo') || hasOleName(bytes, 'EncryptedPackage');
}
