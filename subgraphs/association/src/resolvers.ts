import type { InstitutionContext } from '@xueshi/institutions/subgraph';
import type { Resolvers } from '@xueshi/subgraph-kit';
import type { TrainingRequestStatus } from './db/schema';
import { formPath, scanPath } from './documents';
import type { TrainingRequestInput, TrainingRequestView, TrainingRequests } from './trainingRequests';

/** The association's own resolvers: employers' training requests. */
export function trainingRequestResolvers(requests: TrainingRequests): Resolvers<InstitutionContext> {
  return {
    Query: {
      myTrainingRequests: (_root: unknown, _args: unknown, context: InstitutionContext) => requests.ofEmployer(context.caller),
      trainingRequests: (_root: unknown, args: { status?: TrainingRequestStatus | null }, context: InstitutionContext) =>
        requests.list(context.caller, args.status),
      trainingRequest: (_root: unknown, args: { id: string }, context: InstitutionContext) =>
        requests.find(context.caller, args.id),
    },
    Mutation: {
      fileTrainingRequest: (_root: unknown, args: { input: TrainingRequestInput }, context: InstitutionContext) =>
        requests.file(context.caller, args.input),
      scheduleTrainingRequest: (_root: unknown, args: { requestId: string; teacherName: string }, context: InstitutionContext) =>
        requests.schedule(context.caller, context.authorization, args.requestId, args.teacherName),
      declineTrainingRequest: (_root: unknown, args: { requestId: string; reason: string }, context: InstitutionContext) =>
        requests.decline(context.caller, args.requestId, args.reason),
      withdrawTrainingRequest: (_root: unknown, args: { requestId: string }, context: InstitutionContext) =>
        requests.withdraw(context.caller, args.requestId),
    },
    TrainingRequest: {
      __resolveReference: (reference: { id: string }, context: InstitutionContext) => requests.find(context.caller, reference.id),
      employer: (row: TrainingRequestView) => ({ creditCode: row.employerCreditCode }),
      lastDay: (row: TrainingRequestView) => requests.lastDay(row),
      formUrl: (row: TrainingRequestView) => formPath(row.id),
      stampedScan: (row: TrainingRequestView) =>
        row.scanContentType && row.scanSize !== null && row.scanUploadedAt
          ? { contentType: row.scanContentType, size: row.scanSize, uploadedAt: row.scanUploadedAt, url: scanPath(row.id) }
          : null,
    },
  };
}
