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
