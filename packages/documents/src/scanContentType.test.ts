import { describe, expect, it } from 'vitest';
import { scanContentType } from './scanContentType';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('scanContentType', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(scanContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(scanContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00))).toBe('image/jpeg');
    expect(scanContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('image/png');
  });

  it('refuses anything else, however it is named', () => {
    expect(scanContentType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(scanContentType(Buffer.from('GIF89a'))).toBeNull();
    expect(scanContentType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(scanContentType(bytes())).toBeNull();
  });
});
