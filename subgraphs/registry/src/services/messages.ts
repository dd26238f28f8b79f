/** How instants are written in messages to people: 2021年2月22日 10:00 (Asia/Shanghai). */
export function shanghaiTime(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** The same instant for English messages: 2021-02-22 10:00 (UTC+8). */
export function shanghaiTimeEn(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  return `${local.toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}
