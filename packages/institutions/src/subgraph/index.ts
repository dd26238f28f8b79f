export * from './create';
export * from './db/schema';
export * from './loaders';
export * from './management';
export * from './main';
export * from './resolvers';
export * from './seed';
export * from './registrySeats';
