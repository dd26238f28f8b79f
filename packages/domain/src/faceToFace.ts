/**
 * Programme years whose required live courses were online only: in 2021, "因受疫情影响，继续采取在线直播和网上课件
 * 学习相结合", so face-to-face training that year is employer-run (单位自行组织) only.
 */
export const ONLINE_ONLY_YEARS: readonly number[] = [2021];

/** Whether a session of a `year` course may be face-to-face: always when employer-run, else outside ONLINE_ONLY_YEARS. Never throws. */
export function mayRunFaceToFace(year: number, employerRun: boolean): boolean {
  return employerRun || !ONLINE_ONLY_YEARS.includes(year);
}
