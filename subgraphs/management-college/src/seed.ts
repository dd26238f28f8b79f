import { liveCourseSeed } from '@xueshi/institutions/subgraph';

/** 创新知识基础: two days, mostly Tuesday–Wednesday, live online (in 2021 face-to-face is employer-run only). */
export const seed = liveCourseSeed('management-college', {
  capacity: 200,
  plan: [
    '2021-03-16',
    '2021-04-20',
    '2021-05-18',
    '2021-06-22',
    '2021-07-20',
    '2021-08-17',
    '2021-09-14',
    '2021-10-19',
    '2021-11-16',
    '2021-12-14',
  ],
  samples: {
    2022: ['2022-03-15', '2022-06-21', '2022-11-15'],
    2023: ['2023-03-21', '2023-06-13', '2023-10-17'],
  },
});
