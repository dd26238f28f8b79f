export * from './plan2021';
export * from './programme';
