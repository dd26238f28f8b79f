import { readFileSync } from 'node:fs';
import type { Caller } from '@xueshi/subgraph-kit';
import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_EXAMPLES } from '../../gateway/src/graphiql';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };
const GUIDE = readFileSync(new URL('../../docs/analysts.md', import.meta.url), 'utf8');

/** The example's operation without the comment that asks the question. */
const operationOf = (example: string) =>
  example
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();

describe("the analysts' ten worked questions", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
  });
  afterAll(() => graph?.close());

  it('are ten named operations, each written out in docs/analysts.md exactly as GraphiQL offers it', () => {
    expect(ANALYST_EXAMPLES).toHaveLength(10);
    const names = ANALYST_EXAMPLES.map((example) => {
      const [definition, ...others] = parse(example).definitions;
      expect(others).toHaveLength(0);
      expect(definition?.kind).toBe(Kind.OPERATION_DEFINITION);
      expect(GUIDE).toContain(`\`\`\`graphql\n${operationOf(example)}\n\`\`\``);
      return (definition as OperationDefinitionNode).name?.value;
    });
    expect(new Set(names).size).toBe(10);
  });

  it('each run as they are for an analyst through the gateway, with their default variables', async () => {
    for (const example of ANALYST_EXAMPLES) {
      const result = await graph.execute(example, {}, ANALYST);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
    }
  });

  it('are offered in GraphiQL as tabs beside the catalogue', async () => {
    const script = await (await fetch(new URL('/graphiql/init.js', graph.gatewayUrl))).text();
    expect(script).toContain('defaultTabs');
    for (const example of ANALYST_EXAMPLES) {
      const definition = parse(example).definitions[0] as OperationDefinitionNode;
      expect(script).toContain(`query ${definition.name?.value ?? ''}(`);
    }
  });
});
