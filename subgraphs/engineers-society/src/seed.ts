import { PLAN_PROFILES } from '@xueshi/institutions';
import { liveCourseSeed } from '@xueshi/institutions/subgraph';

/** 项目管理基础: two days, Wednesday–Thursday, one face-to-face session at the society. */
export const seed = liveCourseSeed('engineers-society', {
  capacity: 150,
  plan: [
    '2021-03-24',
    '2021-04-21',
    '2021-05-26',
    {
      firstDay: '2021-06-23',
      deliveryMode: 'FACE_TO_FACE',
      venue: PLAN_PROFILES['engineers-society'].address ?? '',
      capacity: 40,
    },
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
