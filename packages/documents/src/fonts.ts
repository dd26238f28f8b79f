import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two faces every document uses, as font file bytes for pdfkit. */
export interface DocumentFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

/** The npm package that ships the fonts (Noto Sans Hans, SIL OFL 1.1, GB 2312 coverage). */
export const FONT_PACKAGE = '@embedpdf/fonts-sc';

// The package exports only its metadata module, not its font files, so the files are found beside it.
function fontPath(file: string): string {
  const entry = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  return join(dirname(entry), '..', 'fonts', file);
}

let loading: Promise<DocumentFonts> | undefined;

/**
 * The regular and bold Noto Sans Hans faces, read once per process and shared by every document;
 * rejects if the font package is not installed or its files cannot be read (a later call retries).
 */
export function loadFonts(): Promise<DocumentFonts> {
  loading ??= Promise.all([readFile(fontPath('NotoSansHans-Regular.otf')), readFile(fontPath('NotoSansHans-Bold.otf'))]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
