import type { Language } from './i18n';

/**
 * An instant to the minute on the 24-hour clock in Asia/Shanghai, whatever the browser's own zone: one
 * reading for what the page shows and for the values its inputs and filters take.
 */
const SHANGHAI_MINUTE: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const SHOWN: Record<Language, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', SHANGHAI_MINUTE),
  en: new Intl.DateTimeFormat('en-GB', SHANGHAI_MINUTE),
};
const FIELDS = new Intl.DateTimeFormat('en-GB', SHANGHAI_MINUTE);

/** An instant's year, month, day, hour and minute in Asia/Shanghai, as digits (two each, four for the year). */
function shanghaiFields(instant: string | Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Map(FIELDS.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  const field = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '';
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute') };
}

/** A day and time in Asia/Shanghai as the reader's language writes it. */
export function shanghaiDateTime(iso: string, language: Language): string {
  return SHOWN[language].format(new Date(iso));
}

/** The month (1–12) in Asia/Shanghai that an instant falls in. */
export function shanghaiMonth(iso: string): number {
  return Number(shanghaiFields(iso).month);
}

export function shanghaiYear(now: Date): number {
  return Number(shanghaiFields(now).year);
}

/** An instant as a datetime-local input's value (YYYY-MM-DDTHH:mm) in Asia/Shanghai. */
export function shanghaiInputValue(iso: string): string {
  const { year, month, day, hour, minute } = shanghaiFields(iso);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/** A datetime-local input's value, read as Asia/Shanghai time (which keeps +08:00 all year), as ISO 8601. */
export function shanghaiInstant(inputValue: string): string {
  return `${inputValue}:00+08:00`;
}

/** Offers `text` to the browser as a file download (CSV from the graph, UTF-8 with its BOM). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob after the click returns: let it go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
