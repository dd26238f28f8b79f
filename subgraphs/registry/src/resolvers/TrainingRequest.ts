import type { TrainingRequestResolvers } from '../generated/resolvers';
import { ownedReference } from './entityReferences';

/** A training request as the gateway refers to it, with the fields the registry @requires. */
export interface TrainingRequestReference {
  id: string;
  courseId: string;
  sessionId?: string | null;
}

// The association owns training requests; the registry, which knows every institution's types, points
// each at its course and session.
export const TrainingRequest: TrainingRequestResolvers = {
  __resolveReference: (reference) => reference,
  course: (request) => ownedReference(request.courseId, 'course'),
  session: (request) => (request.sessionId ? ownedReference(request.sessionId, 'session') : null),
};
