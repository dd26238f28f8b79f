import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryPlan } from '@apollo/query-planner';
import { createLogger } from '@xueshi/subgraph-kit';
import { parse, validate } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { Supergraph } from '@apollo/federation-internals';
import { PlanCache } from '../src/planning/planCache';
import { DEFAULT_PLANNING_LIMITS, PlanningRefusal, PlanningWorker } from '../src/planning/planner';
import type { PlanningLimits } from '../src/planning/planner';
import { DEFAULT_PLANNER_SETTINGS } from '../src/planning/settings';
import {
  TRUSTED_DOCUMENTS_FILE,
  TRUSTED_DOCUMENT_SOURCES,
  documentHash,
  operationDocuments,
  readTrustedDocuments,
  trustedDocumentManifest,
} from '../src/trustedDocuments';
import { aliased } from '../../tests/harness/hostileQueries';
import { COMMITTED_SUPERGRAPH } from './support/gateway';

const SUPERGRAPH = readFileSync(COMMITTED_SUPERGRAPH, 'utf8');
const silent = createLogger('planning-test', { level: 'silent' });
const plan = (kind: string) => ({ kind: 'QueryPlan', node: { kind } }) as unknown as QueryPlan;

const hostile = (aliases: number) =>
  aliased(aliases, 'institutions { profile { courses(year: 2026) { sessions { seatsTaken } } } }');

describe('PlanCache', () => {
  it('keeps the most recently used plans, never evicts pinned ones, and counts supergraphs', async () => {
    const cache = new PlanCache(2);
    cache.pin('trusted', plan('Trusted'));
    await cache.set('a', plan('A'));
    await cache.set('b', plan('B'));
    await cache.get('a');
    await cache.set('c', plan('C'));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toEqual(plan('A'));
    expect(await cache.get('c')).toEqual(plan('C'));
    expect(await cache.get('trusted')).toEqual(plan('Trusted'));
    await cache.set('trusted', plan('Other'));
    expect(await cache.get('trusted')).toEqual(plan('Trusted'));

    const generation = cache.generation;
    cache.clear();
    expect(cache.generation).toBe(generation + 1);
    expect(await cache.get('trusted')).toBeUndefined();
    expect(await cache.get('a')).toBeUndefined();
  });
});

describe('trusted documents', () => {
  it('are the committed manifest of the contract and the frontends’ operations (run pnpm trusted-documents)', async () => {
    const sources = await Promise.all(TRUSTED_DOCUMENT_SOURCES.map((source) => readFile(source, 'utf8')));
    const committed = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(trustedDocumentManifest(sources));
  });

  it('each validate against the supergraph and hash to their id', () => {
    const schema = Supergraph.build(SUPERGRAPH).apiSchema().toGraphQLJSSchema();
    const documents = readTrustedDocuments();
    expect(documents.size).toBeGreaterThanOrEqual(14);
    for (const [hash, text] of documents) {
      expect(validate(schema, parse(text)), text).toEqual([]);
      expect(documentHash(parse(text))).toBe(hash);
    }
  });

  it('split a file into one document per operation, each with the fragments it uses, transitively', () => {
    const [first, second] = operationDocuments(`
      query First { me { ...Name } }
      query Second { me { id } }
      fragment Name on Learner { name ...Id }
      fragment Id on Learner { id }
      fragment Unused on Learner { name }
    `);
    expect(first?.definitions.map((definition) => ('name' in definition ? definition.name?.value : ''))).toEqual([
      'First',
      'Id',
      'Name',
    ]);
    expect(second?.definitions).toHaveLength(1);
  });

  it('refuse a manifest whose text does not match its id', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trusted-'));
    const file = join(folder, 'manifest.json');
    writeFileSync(file, JSON.stringify({ ['0'.repeat(64)]: '{ institutions { code } }' }));
    expect(() => readTrustedDocuments(file)).toThrow(/does not match/);
  });
});

describe('PlanningWorker', () => {
  let worker: PlanningWorker | undefined;
  const start = (limits: Partial<PlanningLimits> = {}) => {
    // Waiting is bounded generously: other suites keep the machine busy while a worker starts.
    worker = new PlanningWorker(DEFAULT_PLANNER_SETTINGS, { ...DEFAULT_PLANNING_LIMITS, maxWaitMs: 60_000, ...limits }, silent);
    worker.setSupergraph(SUPERGRAPH);
    return worker;
  };
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it('plans an operation off the event loop', async () => {
    const planner = start();
    const catalogue = await planner.plan('query Codes { institutions { code profile { hotline } } }', 'Codes');
    expect(catalogue.kind).toBe('QueryPlan');
    expect(JSON.stringify(catalogue)).toContain('"serviceName":"registry"');
  });

  it('refuses an operation that outruns the budget, then plans the next one with a fresh worker', async () => {
    const planner = start({ budgetMs: 300 });
    await planner.whenReady(60_000);
    const refusal = await planner.plan(hostile(20), null).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PlanningRefusal);
    expect((refusal as PlanningRefusal).reason).toBe('budget');
    expect((await planner.plan('{ institutions { code } }', null)).kind).toBe('QueryPlan');
    // A trusted document is ours: never refused for a slow machine.
    expect((await planner.plan(hostile(2), null, true)).kind).toBe('QueryPlan');
  });

  it('turns operations away as busy beyond its queue, and refuses what cannot be planned', async () => {
    const planner = start({ maxWaiting: 1, budgetMs: 5_000 });
    await planner.whenReady(60_000);
    const first = planner.plan('{ institutions { code } }', null);
    const second = planner.plan('{ institutions { name } }', null);
    const third = await planner.plan('{ institutions { isLeadUnit } }', null).catch((error: unknown) => error);
    expect((third as PlanningRefusal).reason).toBe('busy');
    expect((await first).kind).toBe('QueryPlan');
    expect((await second).kind).toBe('QueryPlan');
    const invalid = await planner.plan('{ nothingHere }', null).catch((error: unknown) => error);
    expect((invalid as PlanningRefusal).reason).toBe('invalid');
  });
});
