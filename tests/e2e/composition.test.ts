import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import {
  SUPERGRAPH_FILE,
  composeSupergraph,
  generatedSdlFiles,
  subgraphDefinitions,
  writeComposition,
} from '@xueshi/gateway/compose';
import { INSTITUTIONS } from '@xueshi/institutions';
import { INTERFACES_SDL, implementEntityInterfaces } from '@xueshi/institutions/sdl';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { BreakingChangeType, Kind, buildSchema, findBreakingChanges, parse, print, validate } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { CONTRACT_DOCUMENT } from '../harness/contract';
import { describe, expect, it, onTestFinished } from 'vitest';

describe('the supergraph', () => {
  it('composes with neither errors nor hints, and the committed SDL files are current', async () => {
    const generated = await generatedSdlFiles();
    for (const { file, content } of generated) {
      expect(readFileSync(file, 'utf8'), `${file.pathname} is stale: run pnpm compose`).toBe(content);
    }
    const { supergraphSdl, hints } = await composeSupergraph(generated);
    expect(hints).toEqual([]);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8'), 'gateway/supergraph.graphql is stale: run pnpm compose').toBe(
      `${supergraphSdl}\n`,
    );
  });

  it('refuses at composition an institution whose types the registry does not list', async () => {
    const newcomer = {
      name: 'newcomer',
      url: 'http://127.0.0.1:4999/graphql',
      typeDefs: parse(
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])\n` +
          INTERFACES_SDL +
          print({ kind: 'Document' as never, definitions: implementEntityInterfaces(INTERFACES_SDL, ['Newcomer']) }),
      ),
    };
    const result = composeServices([...(await subgraphDefinitions()), newcomer]);
    expect(result.errors?.map((error) => (error as { extensions?: { code?: string } }).extensions?.code)).toContain(
      'INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE',
    );
  });

  it('takes a seventh institution from one entry in the list, one folder and pnpm compose', async () => {
    // A throw-away copy of the tree: the subgraphs' own SDL, and nothing generated.
    const folder = await mkdtemp(join(tmpdir(), 'xueshi-seventh-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const root = pathToFileURL(`${folder}/`);
    for (const { name } of SUBGRAPHS) {
      await mkdir(new URL(`subgraphs/${name}/src/`, root), { recursive: true });
      await copyFile(
        new URL(`../../subgraphs/${name}/src/schema.graphql`, import.meta.url),
        new URL(`subgraphs/${name}/src/schema.graphql`, root),
      );
    }
    await mkdir(new URL('gateway/', root));
    // The one entry and the one folder, holding the SDL every institution folder starts with.
    const seventh = { code: 'fudan', typePrefix: 'Fudan', name: '复旦大学', defaultPort: 4008 };
    await mkdir(new URL('subgraphs/fudan/src/', root), { recursive: true });
    await writeFile(
      new URL('subgraphs/fudan/src/schema.graphql', root),
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])\n',
    );

    const { supergraphFile, hints } = await writeComposition({ root, institutions: [...INSTITUTIONS, seventh] });

    expect(hints).toEqual([]);
    expect(await readdir(new URL('subgraphs/fudan/src/', root))).toEqual(['generated.graphql', 'schema.graphql']);
    expect(readFileSync(new URL('subgraphs/registry/src/generated.graphql', root), 'utf8')).toContain(
      'type FudanSession implements Session',
    );
    const supergraphSdl = readFileSync(supergraphFile, 'utf8');
    const api = Supergraph.build(supergraphSdl).apiSchema();
    for (const type of ['FudanProfile', 'FudanCourse', 'FudanSession']) expect(api.type(type), type).toBeDefined();
    expect(supergraphSdl).toContain('openFudanSession');
    expect(supergraphSdl).toContain('url: "http://127.0.0.1:4008/graphql"');
  });

  it('serves every contract operation: each validates against the API schema frontends see', () => {
    // Printed and rebuilt: federation-internals loads graphql as CommonJS, the suite as ESM.
    const schema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema()));
    const operations = CONTRACT_DOCUMENT.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.map((operation) => operation.name?.value)).toEqual([
      'Catalogue',
      'SignUp',
      'SignIn',
      'StaffSignIn',
      'Register',
      'Pay',
      'Withdraw',
      'ReportOutcome',
      'MyRecord',
      'EmployerSignUp',
      'EmployerSignIn',
      'FileTrainingRequest',
      'ScheduleTrainingRequest',
      'RegistrationFacts',
    ]);
    for (const operation of operations) {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [operation] });
      expect(
        errors.map((error) => error.message),
        operation.name?.value,
      ).toEqual([]);
    }
  });

  it("breaks nothing frontends rely on that the previous commit's API offered, unless it was deprecated first", () => {
    const apiOf = (supergraph: string) => buildSchema(printSchema(Supergraph.build(supergraph).apiSchema()));
    let previous: string;
    try {
      previous = execFileSync('git', ['show', 'HEAD~1:gateway/supergraph.graphql'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // The first commit that has a supergraph: nothing before it to break.
      return;
    }
    const before = apiOf(previous);
    const after = apiOf(readFileSync(SUPERGRAPH_FILE, 'utf8'));
    const deprecated = (description: string) => {
      const [typeName, fieldName] = description.split(/\.| /);
      const type = typeName ? before.getType(typeName) : undefined;
      const field = type && 'getFields' in type && fieldName ? type.getFields()[fieldName] : undefined;
      return Boolean(field && 'deprecationReason' in field && field.deprecationReason);
    };
    // Analysts' fixed statistics, which no frontend operation selects, return null for a withheld small
    // group since ADR 0028: a figure that may be withheld cannot stay non-null.
    const withheldFigure = (description: string) =>
      /^(ProgrammeStatistics|InstitutionStatistics|CycleCompliance)\.\w+ changed type from (Int|Float)! to \2\.$/.test(
        description,
      );
    const breaking = findBreakingChanges(before, after).filter(
      (change) =>
        !(change.type === BreakingChangeType.FIELD_REMOVED && deprecated(change.description)) &&
        !(change.type === BreakingChangeType.FIELD_CHANGED_KIND && withheldFigure(change.description)),
    );
    expect(breaking.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });
});
