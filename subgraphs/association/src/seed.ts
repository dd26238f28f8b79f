import { DEMO_EMPLOYER } from '@xueshi/institutions/demo';
import { liveCourseSeed } from '@xueshi/institutions/subgraph';

const EMPLOYER_RUN = {
  deliveryMode: 'FACE_TO_FACE',
  employer: DEMO_EMPLOYER,
  venue: '上海电气集团股份有限公司 职工培训中心（单位自行组织面授，样例）',
  capacity: 120,
} as const;

/**
 * 知识产权基础: one day, twice a month, live online; the one face-to-face session of 2021 is employer-run
 * (单位自行组织), open only to the staff that employer lists.
 */
export const seed = liveCourseSeed('association', {
  capacity: 300,
  plan: [
    '2021-03-09',
    '2021-03-23',
    '2021-04-13',
    '2021-04-27',
    '2021-05-11',
    '2021-05-20',
    '2021-06-08',
    '2021-06-22',
    '2021-07-13',
    '2021-09-07',
    '2021-09-28',
    '2021-10-19',
    '2021-11-09',
    '2021-11-23',
    { firstDay: '2021-11-30', ...EMPLOYER_RUN },
    '2021-12-07',
  ],
  samples: {
    2022: ['2022-03-15', '2022-06-14', '2022-10-18'],
    2023: ['2023-03-14', '2023-06-13'],
  },
});
