import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { SUPERGRAPH_FILE, composeSupergraph, generatedSdlFiles, subgraphDefinitions } from '@xueshi/gateway/compose';
import { INSTITUTIONS } from '@xueshi/institutions';
import {
  INTERFACES_SDL,
  implementEntityInterfaces,
  institutionGeneratedSdl,
  registryGeneratedSdl,
} from '@xueshi/institutions/sdl';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { BreakingChangeType, Kind, buildSchema, findBreakingChanges, parse, print, validate } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { CONTRACT_DOCUMENT } from '../harness/contract';
import { describe, expect, it } from 'vitest';

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

  it("takes a seventh institution from one entry in the list: its SDL and the registry's generated, composing cleanly", async () => {
    const seventh = { typePrefix: 'Fudan', name: '复旦大学' };
    const registryOwn = readFileSync(new URL('../../subgraphs/registry/src/schema.graphql', import.meta.url), 'utf8');
    const subgraphs = (await subgraphDefinitions()).map((subgraph) =>
      subgraph.name === 'registry'
        ? { ...subgraph, typeDefs: parse(`${registryOwn}\n${registryGeneratedSdl(registryOwn, [...INSTITUTIONS, seventh])}`) }
        : subgraph,
    );
    const fudan = {
      name: 'fudan',
      url: 'http://127.0.0.1:4999/graphql',
      typeDefs: parse(
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])\n` +
          institutionGeneratedSdl(seventh),
      ),
    };
    const result = composeServices([...subgraphs, fudan]);
    expect(result.errors).toBeUndefined();
    expect(result.hints).toEqual([]);
    const api = Supergraph.build(result.supergraphSdl ?? '').apiSchema();
    for (const type of ['FudanProfile', 'FudanCourse', 'FudanSession']) expect(api.type(type), type).toBeDefined();
    expect(result.supergraphSdl).toContain('openFudanSession');
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
