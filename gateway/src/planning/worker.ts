import { parentPort, workerData } from 'node:worker_threads';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import type { PlannerSettings, PlanningAnswer, PlanningRequest } from './protocol';
import { queryPlannerConfig } from './settings';

/**
 * The planning worker: builds query plans off the gateway's event loop, so an operation that is costly
 * to plan holds this thread, which the gateway can stop, and never the one that serves requests.
 */
const port = parentPort;
if (!port) throw new Error('the planning worker runs only as a worker thread');
const settings = (workerData as { settings: PlannerSettings }).settings;
let planning: { supergraph: Supergraph; planner: QueryPlanner } | undefined;

const answer = (message: PlanningAnswer) => port.postMessage(message);

port.on('message', (request: PlanningRequest) => {
  if (request.kind === 'supergraph') {
    try {
      const supergraph = Supergraph.build(request.supergraphSdl);
      planning = { supergraph, planner: new QueryPlanner(supergraph, queryPlannerConfig(settings)) };
      answer({ kind: 'ready' });
    } catch (error) {
      answer({ kind: 'broken', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  try {
    if (!planning) throw new Error('no supergraph yet');
    const operation = operationFromDocument(planning.supergraph.apiSchema(), parse(request.document), {
      operationName: request.operationName ?? undefined,
    });
    answer({ kind: 'planned', id: request.id, plan: planning.planner.buildQueryPlan(operation) });
  } catch (error) {
    answer({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
