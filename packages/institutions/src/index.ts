export * from './ids';
export * from './institutions';
export * from './policy';
