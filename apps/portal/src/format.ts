const SHANGHAI = 'Asia/Shanghai';

/** A day and time in Asia/Shanghai, whatever the browser's own zone. */
export function shanghaiDateTime(iso: string, language: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** The month (1–12) in Asia/Shanghai that an instant falls in. */
export function shanghaiMonth(iso: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: SHANGHAI, month: 'numeric' }).format(new Date(iso)));
}

export function shanghaiYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: SHANGHAI, year: 'numeric' }).format(now));
}

/** An instant as a datetime-local input's value (YYYY-MM-DDTHH:mm) in Asia/Shanghai. */
export function shanghaiInputValue(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: SHANGHAI,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map(({ type, value }) => [type, value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
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
