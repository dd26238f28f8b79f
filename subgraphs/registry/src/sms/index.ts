export * from './provider';
export * from './sandbox';
