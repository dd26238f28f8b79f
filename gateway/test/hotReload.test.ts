import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import {
  COMMITTED_SUPERGRAPH,
  captureUnhandledRejections,
  capturingLogger,
  eventually,
  post,
  startStubRegistry,
  startTestGateway,
} from './support/gateway';

const ORIGINAL = 'The institutions that run the programme, the lead unit first.';
const RELOADED = '开展公需科目的机构 (hot reloaded)';
const INVALID = 'type Query {\n  institutions: [Institution!]!\n';
const PROGRAMME_YEAR = 'A programme year (年度) and when registration for its live courses opens.';

const DESCRIPTIONS = `{
  query: __type(name: "Query") { fields { name description } }
  programmeYear: __type(name: "ProgrammeYear") { description }
}`;

interface Descriptions {
  query: { fields: { name: string; description: string | null }[] };
  programmeYear: { description: string | null };
}

describe('the gateway reloads its supergraph file', () => {
  let registry: Awaited<ReturnType<typeof startStubRegistry>>;
  let gateway: RunningGateway;
  let directory: string;
  let file: string;
  let committed: string;
  const { logger, lines } = capturingLogger();
  let rejections: ReturnType<typeof captureUnhandledRejections> = { seen: [], restore: () => undefined };

  const descriptions = async () => {
    const result = await post<Descriptions>(gateway.url, DESCRIPTIONS);
    if (!result.data) throw new Error(`introspection failed: ${JSON.stringify(result.errors)}`);
    return {
      institutions: result.data.query.fields.find((field) => field.name === 'institutions')?.description ?? null,
      programmeYear: result.data.programmeYear.description,
    };
  };

  /** Answers the institutions' names through the gateway, and proves the registry given to the gateway served them. */
  const institutionNames = async () => {
    const before = registry.operations.count;
    const result = await post<{ institutions: { name: string }[] }>(gateway.url, '{ institutions { name } }');
    expect(result.errors).toBeUndefined();
    expect(registry.operations.count).toBeGreaterThan(before);
    return result.data?.institutions.map((institution) => institution.name) ?? [];
  };

  const reloadsLogged = () => lines.filter((line) => line['msg'] === 'supergraph reloaded').length;
  const failuresLogged = () => lines.filter((line) => String(line['msg']).startsWith('supergraph reload failed')).length;

  beforeAll(async () => {
    registry = await startStubRegistry();
    directory = await mkdtemp(join(tmpdir(), 'xueshi-supergraph-'));
    file = join(directory, 'supergraph.graphql');
    await copyFile(COMMITTED_SUPERGRAPH, file);
    committed = await readFile(COMMITTED_SUPERGRAPH, 'utf8');
    expect(committed).toContain(ORIGINAL);
    expect(committed).toContain(PROGRAMME_YEAR);
    gateway = await startTestGateway({
      supergraphFile: file,
      // Only the registry is ever asked: institutions' names are all these tests query.
      subgraphUrls: { registry: registry.url },
      logger,
      development: true,
    });
  });
  afterAll(async () => {
    rejections.restore();
    await gateway?.close();
    await registry?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('serves a changed, valid supergraph within seconds, without a restart, still routing to the same subgraphs', async () => {
    expect(await descriptions()).toEqual({ institutions: ORIGINAL, programmeYear: PROGRAMME_YEAR });
    const port = gateway.port;

    const changed = committed.replace(ORIGINAL, RELOADED).replace(`"""\n${PROGRAMME_YEAR}\n"""\n`, '');
    expect(changed).not.toContain(PROGRAMME_YEAR);
    await writeFile(file, changed);

    await eventually(async () => (await descriptions()).institutions === RELOADED, 5000, 'the new description is served');
    expect(await descriptions()).toEqual({ institutions: RELOADED, programmeYear: null });
    expect(gateway.port).toBe(port);
    expect(await institutionNames()).toContain('上海继续工程教育协会');
  });

  it('keeps serving the previous supergraph when the new file is invalid', async () => {
    const failuresBefore = failuresLogged();
    rejections = captureUnhandledRejections();
    await writeFile(file, INVALID);
    // The gateway has reacted once it logged the failure (or, see below, once the failure escaped).
    await eventually(
      () => failuresLogged() > failuresBefore || rejections.seen.length > 0,
      5000,
      'the gateway reacts to the invalid file',
    );

    expect((await descriptions()).institutions).toBe(RELOADED);
    expect(await institutionNames()).toContain('上海继续工程教育协会');
  });

  it('logs an invalid file as a failed reload rather than letting the failure stop the process', () => {
    try {
      expect(rejections.seen).toEqual([]);
      expect(failuresLogged()).toBeGreaterThan(0);
    } finally {
      rejections.restore();
    }
  });

  it('still reloads after an invalid file, when the file becomes valid again', async () => {
    const reloadsBefore = reloadsLogged();
    await writeFile(file, committed);
    await eventually(
      async () => (await descriptions()).institutions === ORIGINAL,
      5000,
      'the committed description is served again',
    );
    expect(reloadsLogged()).toBeGreaterThan(reloadsBefore);
  });

  it('follows a file replaced atomically by rename, as deployments and editors do, more than once', async () => {
    for (const description of ['第一次替换 (first replacement)', '第二次替换 (second replacement)']) {
      const staged = join(directory, 'supergraph.graphql.next');
      await writeFile(staged, committed.replace(ORIGINAL, description));
      await rename(staged, file);
      await eventually(async () => (await descriptions()).institutions === description, 2000, `"${description}" is served`);
    }
  });
});
