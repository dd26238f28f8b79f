import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, createTokenSigner } from '@xueshi/subgraph-kit';
import { ManualClock, testKeys } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstitutionDirectory } from '../src/services/institutionDirectory';
import type { InstitutionDirectory } from '../src/services/institutionDirectory';

const SESSION = 'sjtu:session:2021-data-1';
const OTHER = 'sjtu:session:2021-data-2';

/** An sjtu that holds every question until told to answer, answering each session it is asked for. */
function heldInstitution() {
  const held: { ids: string[]; res: ServerResponse }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { representations: { id: string }[] } };
      held.push({ ids: variables.representations.map(({ id }) => id), res });
    });
  });
  const answerAll = () => {
    for (const { ids, res } of held.splice(0)) {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          data: {
            _entities: ids.map((id) => ({
              id,
              startsAt: '2021-03-10T09:00:00+08:00',
              endsAt: '2021-03-10T16:30:00+08:00',
              firstDay: '2021-03-10',
              lastDay: '2021-03-10',
              deliveryMode: 'LIVE_ONLINE',
              capacity: 100,
              registrationOpensAt: '2021-02-22T10:00:00+08:00',
              registrationClosesAt: '2021-03-09T16:00:00+08:00',
              restrictedToEmployer: null,
              employerCreditCode: null,
              course: {
                id: 'sjtu:course:2021-data',
                title: '数据分析基础',
                category: 'REQUIRED',
                year: 2021,
                hours: 12,
                feeFen: 24000,
              },
            })),
          },
        }),
      );
    }
  };
  return { server, held, answerAll };
}

describe('the registry asking an institution about its sessions', () => {
  const institution = heldInstitution();
  let directory: InstitutionDirectory;

  beforeAll(async () => {
    await new Promise<void>((resolve) => institution.server.listen(0, '127.0.0.1', resolve));
    const { port } = institution.server.address() as AddressInfo;
    const clock = new ManualClock('2021-02-22T10:00:00+08:00');
    directory = createInstitutionDirectory({
      urls: { sjtu: `http://127.0.0.1:${port}/graphql` },
      signer: await createTokenSigner((await testKeys()).privateJwk, clock),
      clock,
      logger: createLogger('directory-test', { level: 'silent' }),
    });
  });
  afterAll(async () => {
    institution.server.closeAllConnections();
    await new Promise((resolve) => institution.server.close(resolve));
  });

  it('asks once for a session many registrations want at the same moment, each getting an answer of its own', async () => {
    const asked = Promise.all([
      ...Array.from({ length: 20 }, () => directory.sessionFacts(SESSION)),
      directory.sessionFacts(OTHER),
    ]);
    while (institution.held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(institution.held.map(({ ids }) => ids).sort()).toEqual([[SESSION], [OTHER]]);
    institution.answerAll();
    const answers = await asked;
    expect(answers.slice(0, 20).every((facts) => facts?.id === SESSION && facts.capacity === 100)).toBe(true);
    expect(answers[20]?.id).toBe(OTHER);
    // Each caller's answer is its own object: changing one changes no other.
    expect(new Set(answers.slice(0, 20)).size).toBe(20);
    expect(answers[0]?.startsAt).not.toBe(answers[1]?.startsAt);

    // Settled answers are not kept: the next question is asked again.
    const later = directory.sessionFacts(SESSION);
    while (institution.held.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    institution.answerAll();
    expect((await later)?.id).toBe(SESSION);
  });
});
