import type { Caller, Clock } from '@xueshi/subgraph-kit';
import type { RegistryLoaders } from './loaders';
import type { Documents } from './services/documents';
import type { Facts } from './services/facts';
import type { Identity } from './services/identity';
import type { InstitutionDirectory } from './services/institutionDirectory';
import type { Invoices } from './services/invoices';
import type { MobileVerification } from './services/mobileVerification';
import type { CycleStart } from './services/cycleStart';
import type { OfficialCalendar } from './services/officialCalendar';
import type { Corrections } from './services/corrections';
import type { Outcomes } from './services/outcomes';
import type { OutcomesCsv } from './services/outcomesCsv';
import type { Statistics } from './services/statistics';
import type { Transcripts } from './services/transcripts';
import type { Payments } from './services/payments';
import type { Registrations } from './services/registrations';

/** The registry's services: built once per process, shared by every request. */
export interface RegistryServices {
  identity: Identity;
  mobileVerification: MobileVerification;
  registrations: Registrations;
  payments: Payments;
  invoices: Invoices;
  outcomes: Outcomes;
  outcomesCsv: OutcomesCsv;
  corrections: Corrections;
  officialCalendar: OfficialCalendar;
  cycleStart: CycleStart;
  transcripts: Transcripts;
  statistics: Statistics;
  facts: Facts;
  documents: Documents;
  directory: InstitutionDirectory;
}

export interface RegistryContext {
  caller: Caller | null;
  clock: Clock;
  loaders: RegistryLoaders;
  services: RegistryServices;
}
