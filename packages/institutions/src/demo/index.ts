export * from './courseware';
export * from './history';
