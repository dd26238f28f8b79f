import { DateScalar, DateTimeScalar, mergeResolvers } from '@xueshi/subgraph-kit';
import type { Resolvers } from '../generated/resolvers';
import { ComplianceFacts } from './ComplianceFacts';
import { Course } from './Course';
import { CreditEntry } from './CreditEntry';
import { CycleCompliance } from './CycleCompliance';
import { CycleVerdict } from './CycleVerdict';
import { Employer } from './Employer';
import { IdNumberRestoration } from './IdNumberRestoration';
import { Institution } from './Institution';
import { InstitutionProfile } from './InstitutionProfile';
import { InstitutionStatistics } from './InstitutionStatistics';
import { Invoice } from './Invoice';
import { InvoiceReversal } from './InvoiceReversal';
import { Learner } from './Learner';
import { Mutation } from './Mutation';
import { OfficialCalendarYear } from './OfficialCalendarYear';
import { Payment } from './Payment';
import { PendingCredit } from './PendingCredit';
import { ProgrammeStatistics } from './ProgrammeStatistics';
import { Query } from './Query';
import { Registration } from './Registration';
import { RegistrationFacts } from './RegistrationFacts';
import { Session } from './Session';
import { StaffMember } from './StaffMember';
import { TrainingRequest } from './TrainingRequest';
import { Transcript } from './Transcript';
import { institutionSessions } from './institutionSessions';

/** The registry's resolvers: one file per GraphQL type, each typed from the SDL (`pnpm codegen`). */
export const resolvers: Resolvers = mergeResolvers<Resolvers>(
  {
    DateTime: DateTimeScalar,
    Date: DateScalar,
    Query,
    Mutation,
    Learner,
    Registration,
    Payment,
    Invoice,
    InvoiceReversal,
    CreditEntry,
    PendingCredit,
    CycleVerdict,
    Transcript,
    OfficialCalendarYear,
    ProgrammeStatistics,
    InstitutionStatistics,
    CycleCompliance,
    RegistrationFacts,
    ComplianceFacts,
    Employer,
    TrainingRequest,
    StaffMember,
    IdNumberRestoration,
    Institution,
    InstitutionProfile,
    Course,
    Session,
  },
  institutionSessions,
);
