import type { TranscriptResolvers } from '../generated/resolvers';
import { requireRuleRoleOf } from '../policy';

export const Transcript: TranscriptResolvers = {
  issuedOn: (transcript) => transcript.content.issuedOn,
  pdf: async (transcript, _args, context) =>
    (await context.services.documents.transcriptLinks(transcript.id, requireRuleRoleOf('transcriptDocument', context.caller)))
      .pdf,
  csv: async (transcript, _args, context) =>
    (await context.services.documents.transcriptLinks(transcript.id, requireRuleRoleOf('transcriptDocument', context.caller)))
      .csv,
  verificationUrl: (transcript, _args, context) => context.services.documents.verificationUrl(transcript.verificationCode),
};
