// Plans the Catalogue and the red team's hostile shape (1, 3 and 5 aliases) on the committed supergraph,
// with @apollo/query-planner's default maxEvaluatedPlans and with the gateway's (ADR 0014), on this thread,
// and prints the median of a few runs each. Usage: pnpm bench:planning
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { DEFAULT_PLANNER_SETTINGS, queryPlannerConfig } from '../src/planning/settings';

const supergraphSdl = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
const contract = readFileSync(new URL('../../tests/contract/operations.graphql', import.meta.url), 'utf8');
const hostile = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, index) => `a${index}: institutions { profile { courses(year: 2026) { sessions { seatsTaken } } } }`).join(' ')} }`;
const RUNS = 3;

const operations: [string, string, string | undefined][] = [
  ['Catalogue', contract, 'Catalogue'],
  ['hostile ×1', hostile(1), undefined],
  ['hostile ×3', hostile(3), undefined],
  ['hostile ×5', hostile(5), undefined],
];
const configurations = [
  ['planner default (10,000)', {}],
  [`gateway (${DEFAULT_PLANNER_SETTINGS.maxEvaluatedPlans})`, queryPlannerConfig(DEFAULT_PLANNER_SETTINGS)],
] as const;

const supergraph = Supergraph.build(supergraphSdl);
console.log(`| operation | ${configurations.map(([name]) => name).join(' | ')} |`);
console.log(`|---|${configurations.map(() => '---:').join('|')}|`);
for (const [name, text, operationName] of operations) {
  const medians = configurations.map(([, config]) => {
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A new planner each run: the planner keeps no plans, but it does warm caches of its own.
      const planner = new QueryPlanner(supergraph, config);
      const operation = operationFromDocument(supergraph.apiSchema(), parse(text), { operationName });
      const started = performance.now();
      planner.buildQueryPlan(operation);
      timings.push(performance.now() - started);
    }
    return timings.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  });
  console.log(`| ${name} | ${medians.map((ms) => `${ms.toFixed(0)} ms`).join(' | ')} |`);
}
