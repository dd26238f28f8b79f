export * from './institutionSuite';
