import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sharedSecondsOf } from '../src/sharedAnswers';

const schema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
    directive @sharedFor(seconds: Int!) on OBJECT | INTERFACE | FIELD_DEFINITION
    type Query {
      course(id: ID!): Course @sharedFor(seconds: 5)
      me: Learner
    }
    type Mutation { rename(id: ID!, title: String!): Course }
    interface Course @sharedFor(seconds: 2) { id: ID! title: String! }
    type OwnCourse implements Course @key(fields: "id") @sharedFor(seconds: 2) {
      id: ID!
      title: String!
      hours: Float! @sharedFor(seconds: 1)
      notes: [Note!] @sharedFor(seconds: 0)
      sessions: [Session!]!
      teacher: Teacher
    }
    type Session @key(fields: "id") @sharedFor(seconds: 3) { id: ID! venue: String }
    type Teacher { name: String! }
    type Note { text: String! }
    type Learner @key(fields: "id") { id: ID! }
  `),
  resolvers: {},
});

const secondsOf = (text: string) => {
  const document = parse(text);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return sharedSecondsOf(schema, document, operation);
};

const ENTITIES = '_entities(representations: $r)';

describe('sharedSecondsOf: how long an answer may be given to anyone (ADR 0054)', () => {
  it("is the least hint of the fields selected: a field's own, else its type's", () => {
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on OwnCourse { id title sessions { id venue } } } }`)).toBe(2);
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on Session { venue } } }`)).toBe(3);
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on OwnCourse { title hours } } }`)).toBe(1);
    expect(secondsOf('{ course(id: "c") { __typename id title } }')).toBe(2);
  });

  it('follows fragments, named and inline, through interfaces', () => {
    expect(
      secondsOf(
        `query ($r: [_Any!]!) { ${ENTITIES} { ...C } } fragment C on OwnCourse { ... on Course { title } sessions { id } }`,
      ),
    ).toBe(2);
  });

  it('is 0 when any field has no hint or says 0: its answer may depend on who asks', () => {
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on OwnCourse { title notes { text } } } }`)).toBe(0);
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on OwnCourse { title teacher { name } } } }`)).toBe(0);
    expect(secondsOf(`query ($r: [_Any!]!) { ${ENTITIES} { ... on Learner { id } } }`)).toBe(0);
    expect(secondsOf('{ me { id } course(id: "c") { title } }')).toBe(0);
  });

  it('is 0 for mutations, introspection and an answer of __typename alone', () => {
    expect(secondsOf('mutation { rename(id: "c", title: "t") { id title } }')).toBe(0);
    expect(secondsOf('{ __schema { queryType { name } } }')).toBe(0);
    expect(secondsOf('{ __typename }')).toBe(0);
  });
});
