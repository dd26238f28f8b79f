export * from './institutionSuite';
export * from './standalone';
