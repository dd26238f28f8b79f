import type { Caller, Clock } from '@xueshi/subgraph-kit';
import type { RegistryLoaders } from './loaders';
import type { Documents } from './services/documents';
import type { Identity } from './services/identity';
import type { Invoices } from './services/invoices';
import type { Payments } from './services/payments';
import type { Registrations } from './services/registrations';

/** The registry's services: built once per process, shared by every request. */
export interface RegistryServices {
  identity: Identity;
  registrations: Registrations;
  payments: Payments;
  invoices: Invoices;
  documents: Documents;
}

export interface RegistryContext {
  caller: Caller | null;
  clock: Clock;
  loaders: RegistryLoaders;
  services: RegistryServices;
}
