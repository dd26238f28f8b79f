import type { Caller, Clock } from '@xueshi/subgraph-kit';
import type { RegistryLoaders } from './loaders';

export interface RegistryContext {
  caller: Caller | null;
  clock: Clock;
  loaders: RegistryLoaders;
}
