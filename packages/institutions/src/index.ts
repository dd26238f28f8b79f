export * from './courseware';
export * from './demo';
export * from './generate';
export * from './ids';
export * from './institutions';
export * from './plan2021';
export * from './programme';
export * from './topology';
