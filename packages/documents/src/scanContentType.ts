/** The kinds of file a stamped scan may be. */
export type ScanContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { type: ScanContentType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * What a file is by its first bytes (`%PDF-`, a JPEG's SOI marker, the PNG signature), whatever its
 * name or declared type says; null for anything else. Never throws.
 */
export function scanContentType(content: Uint8Array): ScanContentType | null {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte))?.type ?? null;
}
