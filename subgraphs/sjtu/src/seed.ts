import { liveCourseSeed } from '@xueshi/institutions/subgraph';

/** 数据分析基础: two days, Thursday–Friday, live online (in 2021 face-to-face is employer-run only). */
export const seed = liveCourseSeed('sjtu', {
  capacity: 300,
  plan: [
    '2021-03-11',
    '2021-03-25',
    '2021-04-15',
    '2021-05-13',
    '2021-06-10',
    '2021-07-08',
    '2021-09-09',
    '2021-10-21',
    '2021-11-18',
    '2021-12-09',
  ],
  samples: {
    2022: ['2022-06-16', '2022-10-20'],
    2023: ['2023-03-09', '2023-09-07'],
  },
});
