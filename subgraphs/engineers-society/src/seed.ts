import { liveCourseSeed } from '@xueshi/institutions/subgraph';

/** 项目管理基础: two days, Wednesday–Thursday, live online (in 2021 face-to-face is employer-run only). */
export const seed = liveCourseSeed('engineers-society', {
  capacity: 150,
  plan: [
    '2021-03-24',
    '2021-04-21',
    '2021-05-26',
    '2021-06-23',
    '2021-07-21',
    '2021-09-15',
    '2021-10-20',
    '2021-11-24',
    '2021-12-15',
  ],
  samples: {
    2022: ['2022-03-23', '2022-07-20', '2022-11-23'],
    2023: ['2023-06-14', '2023-11-22'],
  },
});
