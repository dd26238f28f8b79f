import { requireRole } from '@xueshi/subgraph-kit';
import type { TranscriptResolvers } from '../generated/resolvers';

export const Transcript: TranscriptResolvers = {
  issuedOn: (transcript) => transcript.content.issuedOn,
  pdf: async (transcript, _args, context) =>
    (await context.services.documents.transcriptLinks(transcript.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR'))).pdf,
  csv: async (transcript, _args, context) =>
    (await context.services.documents.transcriptLinks(transcript.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR'))).csv,
  verificationUrl: (transcript, _args, context) => context.services.documents.verificationUrl(transcript.verificationCode),
};
