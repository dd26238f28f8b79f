import PDFDocument from 'pdfkit';
import type { DocumentFonts } from './fonts';

/** One column of a table: its header, its share of the width in points, and how its cells align. */
export interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** How a document starts: page size, margins, the title in its metadata and the day it is dated. */
export interface DocumentSetup {
  readonly title: string;
  readonly subject: string;
  /** YYYY-MM-DD; becomes the PDF creation date so that the same input always gives the same bytes. */
  readonly issuedOn: string;
  readonly size: 'A4' | 'A5';
  readonly layout: 'portrait' | 'landscape';
  readonly margin: number;
  /** Points kept free above the bottom margin's edge for the footer that `finish` writes on each page. */
  readonly footerHeight: number;
}

const REGULAR = 'regular';
const BOLD = 'bold';
const CELL_PADDING = 4;
const RULE_WIDTH = 0.5;
const HEADER_FILL = '#eeeeee';

/**
 * A thin layer over pdfkit that knows the document fonts, keeps text out of the footer band, and draws
 * tables that continue across pages under a repeated header.
 */
export class DocumentWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly setup: DocumentSetup;

  constructor(fonts: DocumentFonts, setup: DocumentSetup) {
    this.setup = setup;
    this.doc = new PDFDocument({
      size: setup.size,
      layout: setup.layout,
      margins: { top: setup.margin, left: setup.margin, right: setup.margin, bottom: setup.margin + setup.footerHeight },
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: setup.title,
        Subject: setup.subject,
        Creator: 'xueshi',
        Producer: 'xueshi',
        // Midnight in Shanghai of the issue day: the document carries no reading of a clock.
        CreationDate: new Date(`${setup.issuedOn}T00:00:00+08:00`),
      },
    });
    this.doc.registerFont(REGULAR, fonts.regular);
    this.doc.registerFont(BOLD, fonts.bold);
    this.doc.font(REGULAR);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit above the footer band. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Writes a paragraph across the content width. */
  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string; gapAfter?: number } = {},
  ): void {
    const { size = 10.5, bold = false, align = 'left', color = '#000000', gapAfter = 4 } = options;
    this.doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(color);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.contentWidth }));
    this.doc.text(text, this.left, this.doc.y, { width: this.contentWidth, align });
    this.doc.y += gapAfter;
    this.doc.fillColor('#000000');
  }

  /** Writes `left` flush left and `right` flush right on one line. */
  pair(left: string, right: string, options: { size?: number } = {}): void {
    const { size = 10.5 } = options;
    this.doc.font(REGULAR).fontSize(size).fillColor('#000000');
    const height = Math.max(this.doc.heightOfString(left), this.doc.heightOfString(right));
    this.ensureSpace(height);
    const y = this.doc.y;
    const half = this.contentWidth / 2;
    this.doc.text(left, this.left, y, { width: half, align: 'left' });
    this.doc.text(right, this.left + half, y, { width: half, align: 'right' });
    this.doc.x = this.left;
    this.doc.y = y + height + 4;
  }

  /** Moves down by `points`. */
  gap(points: number): void {
    this.doc.y += points;
  }

  /** Draws a horizontal rule across the content width. */
  rule(color = '#000000'): void {
    const y = this.doc.y;
    this.doc.save().lineWidth(RULE_WIDTH).strokeColor(color);
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.contentWidth, y)
      .stroke();
    this.doc.restore();
    this.doc.y = y + 4;
  }

  private rowHeight(cells: readonly string[], columns: readonly TableColumn[]): number {
    let height = 0;
    columns.forEach((column, i) => {
      const text = cells[i] ?? '';
      const textHeight = this.doc.heightOfString(text === '' ? ' ' : text, { width: column.width - 2 * CELL_PADDING });
      height = Math.max(height, textHeight);
    });
    return height + 2 * CELL_PADDING;
  }

  private drawRow(cells: readonly string[], columns: readonly TableColumn[], height: number, header: boolean): void {
    const y = this.doc.y;
    let x = this.left;
    const width = columns.reduce((sum, column) => sum + column.width, 0);
    if (header) this.doc.save().rect(x, y, width, height).fill(HEADER_FILL).restore();
    this.doc.save().lineWidth(RULE_WIDTH).strokeColor('#555555');
    for (const column of columns) {
      this.doc.rect(x, y, column.width, height).stroke();
      x += column.width;
    }
    this.doc.restore();
    x = this.left;
    columns.forEach((column, i) => {
      this.doc.text(cells[i] ?? '', x + CELL_PADDING, y + CELL_PADDING, {
        width: column.width - 2 * CELL_PADDING,
        align: header ? 'center' : (column.align ?? 'left'),
      });
      x += column.width;
    });
    this.doc.x = this.left;
    this.doc.y = y + height;
  }

  /**
   * Draws a bordered table at the current position; a row that does not fit starts a new page, which
   * repeats the header row first. With no rows, one row across the whole table says `emptyText`.
   */
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { size?: number; emptyText?: string } = {},
  ): void {
    const { size = 9, emptyText = '' } = options;
    const headers = columns.map((column) => column.header);
    this.doc.font(BOLD).fontSize(size);
    const headerHeight = this.rowHeight(headers, columns);
    const header = (): void => {
      this.doc.font(BOLD).fontSize(size);
      this.drawRow(headers, columns, headerHeight, true);
      this.doc.font(REGULAR).fontSize(size);
    };
    this.doc.font(REGULAR).fontSize(size);
    if (rows.length === 0) {
      const whole: TableColumn[] = [
        { header: '', width: columns.reduce((sum, column) => sum + column.width, 0), align: 'center' },
      ];
      const height = this.rowHeight([emptyText], whole);
      this.ensureSpace(headerHeight + height);
      header();
      this.drawRow([emptyText], whole, height, false);
      return;
    }
    const firstHeight = rows[0] === undefined ? 0 : this.rowHeight(rows[0], columns);
    this.ensureSpace(headerHeight + firstHeight);
    header();
    for (const row of rows) {
      const height = this.rowHeight(row, columns);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        header();
      }
      this.drawRow(row, columns, height, false);
    }
  }

  /**
   * Writes `footer(page, pageCount)` centred in the footer band of every page, then ends the document;
   * resolves with the PDF bytes, rejects if pdfkit fails while writing.
   */
  finish(footer: (page: number, pageCount: number) => string): Promise<Buffer> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const text = footer(i - range.start + 1, range.count);
      // The footer sits inside the bottom margin; with the margin lifted pdfkit does not start a new page for it.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font(REGULAR).fontSize(8).fillColor('#444444');
      const y = doc.page.height - this.setup.margin - this.setup.footerHeight / 2 - 4;
      doc.text(text, this.left, y, { width: this.contentWidth, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return done;
  }
}
