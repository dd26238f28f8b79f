// `pnpm seed:scale`: loads the scale data (bench/scale.ts, ADR 0026) into the PostgreSQL database at
// DATABASE_URL, each subgraph in its own schema as the services use it. Never into the embedded demo,
// never in production.
//
//   DATABASE_URL=postgres://… pnpm seed:scale                   100,000 learners, 1,000,000 registrations
//   DATABASE_URL=postgres://… pnpm seed:scale --learners 200    a small copy of the same shape
import { parseArgs } from 'node:util';
import { associationSubgraph } from '@xueshi/association';
import { electiveProviderSubgraph } from '@xueshi/elective-provider';
import { engineersSocietySubgraph } from '@xueshi/engineers-society';
import type { InstitutionCode } from '@xueshi/institutions';
import { managementCollegeSubgraph } from '@xueshi/management-college';
import { registrySubgraph } from '@xueshi/registry';
import { shuSubgraph } from '@xueshi/shu';
import { sjtuSubgraph } from '@xueshi/sjtu';
import { openDatabase } from '@xueshi/subgraph-kit';
import type { Database, MigrationSource } from '@xueshi/subgraph-kit';
import { loadScaleData, scaleRefusal } from './scale';

export const INSTITUTION_SERVICES: Record<InstitutionCode, { name: string; migrations: MigrationSource[] }> = {
  association: associationSubgraph,
  'management-college': managementCollegeSubgraph,
  'engineers-society': engineersSocietySubgraph,
  shu: shuSubgraph,
  sjtu: sjtuSubgraph,
  'elective-provider': electiveProviderSubgraph,
};
export const REGISTRY_SERVICE: { name: string; migrations: MigrationSource[] } = registrySubgraph;

const main = async () => {
  const { values } = parseArgs({ options: { learners: { type: 'string', default: '100000' } } });
  const refusal = scaleRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
  const url = process.env['DATABASE_URL'];
  const open = (service: { name: string; migrations: MigrationSource[] }) =>
    openDatabase({ url, schema: service.name.replace(/-/g, '_'), migrations: service.migrations, poolSize: 2 });
  const began = performance.now();
  const opened: Database[] = [];
  try {
    const registry = await open(REGISTRY_SERVICE);
    opened.push(registry);
    const institutions = {} as Record<InstitutionCode, Database>;
    for (const [code, service] of Object.entries(INSTITUTION_SERVICES) as [
      InstitutionCode,
      (typeof INSTITUTION_SERVICES)[InstitutionCode],
    ][]) {
      institutions[code] = await open(service);
      opened.push(institutions[code]);
    }
    const summary = await loadScaleData({ registry, institutions }, { learners: Number(values.learners), log: console.log });
    console.log(JSON.stringify({ ...summary, seconds: Number(((performance.now() - began) / 1000).toFixed(1)) }));
  } finally {
    await Promise.all(opened.map((database) => database.close()));
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
