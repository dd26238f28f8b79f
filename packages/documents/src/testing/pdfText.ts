import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF as PDF.js reads it: per page, the lines from top to bottom. */
export interface PdfText {
  readonly numPages: number;
  /** Each page's lines, cells on one line joined by single spaces. */
  readonly pages: readonly (readonly string[])[];
  /** Every line of every page, joined by newlines. */
  readonly text: string;
  /** Each page's text runs, for tests that look at one column. */
  readonly runs: readonly (readonly Run[])[];
}

/** A piece of text as PDF.js places it: x and y of its baseline start in points from the bottom left. */
export interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

// Runs closer than this are parts of one word; farther apart they are separate cells.
const JOIN_GAP = 1;
// Runs whose baselines differ by less than this sit on one line.
const SAME_LINE = 2;

function linesOf(runs: readonly Run[]): string[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line !== undefined && first !== undefined && Math.abs(first.y - run.y) < SAME_LINE) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      let out = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const run of [...line].sort((a, b) => a.x - b.x)) {
        out += run.x - end > JOIN_GAP ? ` ${run.str}` : run.str;
        end = run.x + run.width;
      }
      return out.replace(/\s+/g, ' ').trim();
    })
    .filter((line) => line !== '');
}

/**
 * Extracts the text of `pdf` with PDF.js (through the fonts' ToUnicode maps, as a reader's copy and
 * search would); rejects if PDF.js cannot parse the bytes.
 */
export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[][] = [];
    const allRuns: Run[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if ('str' in item && item.str !== '') {
          runs.push({ str: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]), width: item.width });
        }
      }
      pages.push(linesOf(runs));
      allRuns.push(runs);
    }
    return { numPages: document.numPages, pages, text: pages.map((lines) => lines.join('\n')).join('\n'), runs: allRuns };
  } finally {
    await document.destroy();
  }
}
