import { createLogger } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph } from '../../harness/graph';
import type { TestGraph } from '../../harness/graph';
import { bearer, errorCodes, post, subgraphUrl } from './support';

/*
 * The red team's low findings (issue 14 item 7), through the gateway and straight at the subgraphs.
 */

const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const SET_CONTACTS = 'mutation ($contacts: [ContactInput!]!) { setSjtuContacts(contacts: $contacts) { code } }';

let graph: TestGraph;
/** Every line the services logged, as written. */
const logLines: string[] = [];

describe('hardening', () => {
  beforeAll(async () => {
    const logger = createLogger('hardening-test', {
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(line) },
    });
    graph = await startTestGraph({ seed: 'demo', logger });
  });
  afterAll(() => graph?.close());

  describe('database errors reach the logs without the values of the statement', () => {
    // Neither looks like an ID number or mobile, so only leaving them out keeps them out of the log.
    const NAME = '泄漏测试员';
    const PHONE = '31263858-204';

    beforeAll(async () => {
      // A constraint the service does not expect, so the insert fails as an unexpected error would.
      await graph.subgraph('sjtu').database.raw.exec('create unique index contacts_name_unique on contacts (name)');
    });
    afterAll(() => graph.subgraph('sjtu').database.raw.exec('drop index contacts_name_unique'));

    it.each(['gateway', 'sjtu'] as const)('%s: a unique violation with a name in its key and parameters', async (target) => {
      const before = logLines.length;
      const reply = await post(
        target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, 'sjtu'),
        { query: SET_CONTACTS, variables: { contacts: [NAME, NAME].map((name) => ({ name, phones: [PHONE] })) } },
        await bearer(graph, SJTU_STAFF),
      );
      expect(errorCodes(reply)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(reply.text).not.toContain(NAME);
      const logged = logLines.slice(before).join('');
      expect(logged).toContain('unexpected error in resolver');
      expect(logged).toContain('"code":"23505"');
      expect(logged).toContain('contacts_name_unique');
      expect(logged).not.toContain(NAME);
      expect(logged).not.toContain(PHONE);
    });
  });
});
