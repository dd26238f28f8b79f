import type { ResolverMap } from '@xueshi/subgraph-kit';
import type { MutationResolvers, QueryResolvers, TrainingRequestResolvers } from './generated/resolvers';
import { formPath, scanPath } from './documents';
import type { TrainingRequests } from './trainingRequests';

/** The association's own resolvers: employers' training requests. */
export function trainingRequestResolvers(requests: TrainingRequests): ResolverMap {
  const Query: QueryResolvers = {
    myTrainingRequests: (_root, _args, context) => requests.ofEmployer(context.caller),
    trainingRequests: (_root, args, context) => requests.list(context.caller, args.status),
    trainingRequest: (_root, args, context) => requests.find(context.caller, args.id),
  };
  const Mutation: MutationResolvers = {
    fileTrainingRequest: (_root, args, context) => requests.file(context.caller, args.input),
    scheduleTrainingRequest: (_root, args, context) =>
      requests.schedule(context.caller, context.authorization, args.requestId, args.teacherName),
    declineTrainingRequest: (_root, args, context) => requests.decline(context.caller, args.requestId, args.reason),
    withdrawTrainingRequest: (_root, args, context) => requests.withdraw(context.caller, args.requestId),
  };
  const TrainingRequest: TrainingRequestResolvers = {
    __resolveReference: (reference, context) => requests.find(context.caller, reference.id),
    employer: (row) => ({ creditCode: row.employerCreditCode }),
    lastDay: (row) => requests.lastDay(row),
    formUrl: (row) => formPath(row.id),
    stampedScan: (row) =>
      row.scanContentType && row.scanSize !== null && row.scanUploadedAt
        ? { contentType: row.scanContentType, size: row.scanSize, uploadedAt: row.scanUploadedAt, url: scanPath(row.id) }
        : null,
  };
  return { Query, Mutation, TrainingRequest };
}
