import { referenced } from '@xueshi/subgraph-kit';
import type { IdNumberRestorationResolvers } from '../generated/resolvers';

export const IdNumberRestoration: IdNumberRestorationResolvers = {
  lockedLearner: (restoration, _args, context) =>
    referenced(context.loaders.learner.load(restoration.lockedLearnerId), 'IdNumberRestoration.lockedLearner'),
};
