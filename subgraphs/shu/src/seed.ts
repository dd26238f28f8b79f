import { liveCourseSeed } from '@xueshi/institutions/subgraph';

/** 人工智能及应用: two days, Thursday–Friday, live online (in 2021 face-to-face is employer-run only). */
export const seed = liveCourseSeed('shu', {
  capacity: 250,
  plan: [
    '2021-03-18',
    '2021-04-22',
    '2021-05-27',
    '2021-06-24',
    '2021-07-22',
    '2021-08-26',
    '2021-09-16',
    '2021-10-28',
    '2021-11-25',
    '2021-12-16',
  ],
  samples: {
    2022: ['2022-04-21', '2022-09-15', '2022-12-08'],
    2023: ['2023-04-20', '2023-09-14'],
  },
});
