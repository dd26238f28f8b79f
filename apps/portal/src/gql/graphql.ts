/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ContactInput = {
  name: string;
  /** As the institution publishes them, e.g. 31263858-204 or 13641974129. */
  phones: Array<string>;
};

export type CourseCategory =
  /** 选修 */
  | 'ELECTIVE'
  /** 必修 */
  | 'REQUIRED';

export type CreditEntryInput = {
  category: CourseCategory;
  completedOn: string;
  courseTitle: string;
  hours: number;
  /** The institution code, e.g. association. */
  institution: string | number;
  learnerId: string | number;
  reason: string;
};

export type DeliveryMode =
  /** 面授, at a venue. */
  | 'FACE_TO_FACE'
  /** 在线直播: PC only, IE not recommended; test your PC beforehand. */
  | 'LIVE_ONLINE'
  /** 网上课件: self-paced online courseware, to be finished within the year of purchase. */
  | 'ONLINE_COURSEWARE';

export type EmployerSignUpInput = {
  /** The contact's mainland mobile number, 11 digits. */
  contactMobile: string;
  contactName: string;
  /** 统一社会信用代码, 18 characters (GB 32100). */
  creditCode: string;
  /** The employer's full name. */
  name: string;
  /** At least 8 characters. */
  password: string;
};

/** What aggregate figures can be grouped by. */
export type FactDimension =
  /** REQUIRED or ELECTIVE. */
  | 'CATEGORY'
  /** The course's id, e.g. sjtu:course:2021-data. */
  | 'COURSE'
  /** LIVE_ONLINE, FACE_TO_FACE or ONLINE_COURSEWARE. */
  | 'DELIVERY_MODE'
  /**
   * The learner's employer (工作单位): the registered employer that lists the learner as its staff, by its
   * registered name; otherwise the name the learner typed, compared without spaces, width or case, as most
   * of the group's learners spell it.
   */
  | 'EMPLOYER'
  /** The institution's code, e.g. sjtu. */
  | 'INSTITUTION'
  /** The month the registration was made, YYYY-MM (Asia/Shanghai). */
  | 'MONTH'
  /** The registration's status as recorded. */
  | 'STATUS';

export type InvoiceKind =
  /** 单位, with its unified social credit code */
  | 'ORGANISATION'
  /** 个人 */
  | 'PERSONAL';

/** A session an institution opens; times are instants with offset, shown in Asia/Shanghai. */
export type OpenSessionInput = {
  /** Seats on offer; null for unlimited. */
  capacity?: number | null | undefined;
  /** One of the institution's own courses. */
  courseId: string | number;
  deliveryMode: DeliveryMode;
  endsAt: string;
  registrationOpensAt: string;
  /**
   * Refused when given: an employer-run session opens only when the association schedules the employer's
   * training request, so that it names the employer by its credit code, never by a name anyone can type.
   * @deprecated Employer-run sessions open by scheduleTrainingRequest.
   */
  restrictedToEmployer?: string | null | undefined;
  startsAt: string;
  title?: string | null | undefined;
  venue?: string | null | undefined;
};

export type OutcomeInput = {
  attendedFully: boolean;
  examPassed: boolean;
  registrationId: string | number;
};

export type PaymentStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type RegistrationStatus =
  | 'AWAITING_PAYMENT'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FAILED'
  | 'PAID'
  | 'WITHDRAWN';

export type RequestInvoiceInput = {
  /** 统一社会信用代码, 18 characters: organisations only. */
  creditCode?: string | null | undefined;
  kind: InvoiceKind;
  paymentId: string | number;
  /** 抬头: required for an organisation; for a personal invoice, the learner's name unless given. */
  title?: string | null | undefined;
};

export type SignUpInput = {
  /** 工作单位, as its full name. */
  employer: string;
  /** Resident ID number (居民身份证号码), 18 characters. */
  idNumber: string;
  /** Mainland mobile number, 11 digits. */
  mobile: string;
  name: string;
  /** At least 8 characters. */
  password: string;
};

export type StaffRole =
  /** Aggregate, read-only figures. */
  | 'ANALYST'
  /** Staff of one institution: its courses, sessions, rosters and outcomes. */
  | 'INSTITUTION_STAFF'
  /** The association's registrar: everything, and ledger corrections. */
  | 'REGISTRAR';

export type TrainingRequestInput = {
  /** The contact's mainland mobile, 11 digits. */
  contactMobile: string;
  contactName: string;
  /** The required course to run (any institution's live required course of the first day's year). */
  courseId: string | number;
  /** The first training day, at least one calendar month after today. */
  firstDay: string;
  /** How many of the employer's staff are expected: the seats the session offers (1–10000). */
  headcount: number;
  /** Where the employer holds the training. */
  venue: string;
};

export type TrainingRequestStatus =
  /** The association declined it; see declineReason. */
  | 'DECLINED'
  /** A teacher is assigned and the employer-only session is open. */
  | 'SCHEDULED'
  /** Filed; waiting for the association. */
  | 'SUBMITTED'
  /** The employer withdrew it before it was scheduled. */
  | 'WITHDRAWN';

/** Changes to a session; fields left out stay as they are. */
export type UpdateSessionInput = {
  capacity?: number | null | undefined;
  endsAt?: string | null | undefined;
  /** Why the dates change, kept with the change (up to 200 characters). */
  reason?: string | null | undefined;
  registrationOpensAt?: string | null | undefined;
  startsAt?: string | null | undefined;
  title?: string | null | undefined;
  venue?: string | null | undefined;
};

export type RequestMobileCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestMobileCodeMutation = { requestMobileCode: { expiresAt: string } };

export type VerifyMobileMutationVariables = Exact<{
  code: string;
}>;


export type VerifyMobileMutation = { verifyMobile: { id: string } };

export type RequestInvoiceMutationVariables = Exact<{
  input: RequestInvoiceInput;
}>;


export type RequestInvoiceMutation = { requestInvoice: { id: string, number: string, kind: InvoiceKind, title: string, amountFen: number, issuedAt: string, document: { url: string, expiresAt: string } } };

export type MyInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvoicesQuery = { me: { registrations: Array<{ id: string, status: RegistrationStatus, refundFen: number | null, payments: Array<{ id: string, status: PaymentStatus, amountFen: number, invoice: { id: string, number: string, kind: InvoiceKind, title: string, amountFen: number, issuedAt: string, document: { url: string, expiresAt: string }, reversal: { id: string, number: string, amountFen: number, reason: string, issuedAt: string, document: { url: string, expiresAt: string } } | null } | null }> }> } | null };

export type IssueTranscriptMutationVariables = Exact<{
  cycleStartYear?: number | null | undefined;
}>;


export type IssueTranscriptMutation = { issueTranscript: { id: string, verificationCode: string, issuedOn: string, verificationUrl: string, pdf: { url: string, expiresAt: string }, csv: { url: string, expiresAt: string } } };

export type VerifyTranscriptQueryVariables = Exact<{
  code: string;
}>;


export type VerifyTranscriptQuery = { verifyTranscript: { verificationCode: string, issuedOn: string, learnerName: string, employer: string, stillMatchesLedger: boolean, cycle: { startYear: number, endYear: number, requiredHours: number, electiveHours: number, totalHours: number, compliant: boolean }, entries: Array<{ courseTitle: string, institutionName: string, category: CourseCategory, hours: number, completedOn: string }> } | null };

export type CurrentEmployerQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentEmployerQuery = { currentEmployer: { id: string, creditCode: string, name: string, contactName: string | null, contactMobile: string | null, staffCount: number | null } | null };

export type SetEmployerStaffMutationVariables = Exact<{
  idNumbers: Array<string> | string;
}>;


export type SetEmployerStaffMutation = { setEmployerStaff: { id: string, staffCount: number | null } };

export type MyTrainingRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTrainingRequestsQuery = { myTrainingRequests: Array<{ id: string, status: TrainingRequestStatus, courseTitle: string, firstDay: string, lastDay: string, headcount: number, venue: string, contactName: string, contactMobile: string, filedAt: string, teacherName: string | null, declineReason: string | null, decidedAt: string | null, formUrl: string, stampedScan: { contentType: string, size: number, uploadedAt: string, url: string } | null, course:
      | { id: string, title: string, hours: number }
      | { id: string, title: string, hours: number }
      | { id: string, title: string, hours: number }
      | { id: string, title: string, hours: number }
      | { id: string, title: string, hours: number }
      | { id: string, title: string, hours: number }
     | null, session:
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
      | { id: string, startsAt: string, endsAt: string, venue: string | null, seatsTaken: number }
     | null }> };

export type WithdrawTrainingRequestMutationVariables = Exact<{
  requestId: string | number;
}>;


export type WithdrawTrainingRequestMutation = { withdrawTrainingRequest: { id: string, status: TrainingRequestStatus, decidedAt: string | null } };

export type MyProgressQueryVariables = Exact<{
  cycleStartYear?: number | null | undefined;
}>;


export type MyProgressQuery = { me: { id: string, pendingCredit: Array<{ id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, completedOn: string, awaitingCalendarYear: number }>, cycle: { startYear: number, suggestions: Array<{ courseTitle: string, category: CourseCategory, hours: number, session:
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
          | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string, course:
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
              | { institution: { name: string } }
             }
         | null }> } } | null };

export type CurrentStaffQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentStaffQuery = { currentStaff: { username: string, displayName: string, role: StaffRole, institution: { code: string, name: string } | null } | null };

type StaffSession_AssociationSession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

type StaffSession_ElectiveProviderSession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

type StaffSession_EngineersSocietySession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

type StaffSession_ManagementCollegeSession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

type StaffSession_ShuSession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

type StaffSession_SjtuSession_Fragment = { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null };

export type StaffSessionFragment =
  | StaffSession_AssociationSession_Fragment
  | StaffSession_ElectiveProviderSession_Fragment
  | StaffSession_EngineersSocietySession_Fragment
  | StaffSession_ManagementCollegeSession_Fragment
  | StaffSession_ShuSession_Fragment
  | StaffSession_SjtuSession_Fragment
;

export type InstitutionDeskQueryVariables = Exact<{
  code: string | number;
  year: number;
}>;


export type InstitutionDeskQuery = { institution: { code: string, name: string, profile:
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
      | { code: string, address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, sessions: Array<
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
              | { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null }
            > }
        > }
     | null } | null };

export type RosterQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type RosterQuery = { roster: Array<{ id: string, status: RegistrationStatus, hours: number, learner: { id: string, name: string, idNumberMasked: string, employer: string } | null, outcome: { attendedFully: boolean, examPassed: boolean, reportedBy: string, reportedAt: string } | null }> };

export type RosterCsvQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type RosterCsvQuery = { rosterCsv: string };

export type ReportOutcomesMutationVariables = Exact<{
  sessionId: string | number;
  outcomes: Array<OutcomeInput> | OutcomeInput;
}>;


export type ReportOutcomesMutation = { reportOutcomes: Array<{ id: string, status: RegistrationStatus, outcome: { attendedFully: boolean, examPassed: boolean } | null }> };

export type ReportOutcomesCsvMutationVariables = Exact<{
  sessionId: string | number;
  csv: string;
}>;


export type ReportOutcomesCsvMutation = { reportOutcomesCsv: Array<{ id: string, status: RegistrationStatus, outcome: { attendedFully: boolean, examPassed: boolean } | null }> };

export type OpenAssociationSessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenAssociationSessionMutation = { openAssociationSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateAssociationSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateAssociationSessionMutation = { updateAssociationSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetAssociationContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetAssociationContactsMutation = { setAssociationContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type OpenManagementCollegeSessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenManagementCollegeSessionMutation = { openManagementCollegeSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateManagementCollegeSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateManagementCollegeSessionMutation = { updateManagementCollegeSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetManagementCollegeContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetManagementCollegeContactsMutation = { setManagementCollegeContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type OpenEngineersSocietySessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenEngineersSocietySessionMutation = { openEngineersSocietySession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateEngineersSocietySessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateEngineersSocietySessionMutation = { updateEngineersSocietySession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetEngineersSocietyContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetEngineersSocietyContactsMutation = { setEngineersSocietyContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type OpenShuSessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenShuSessionMutation = { openShuSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateShuSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateShuSessionMutation = { updateShuSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetShuContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetShuContactsMutation = { setShuContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type OpenSjtuSessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenSjtuSessionMutation = { openSjtuSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateSjtuSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateSjtuSessionMutation = { updateSjtuSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetSjtuContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetSjtuContactsMutation = { setSjtuContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type OpenElectiveProviderSessionMutationVariables = Exact<{
  input: OpenSessionInput;
}>;


export type OpenElectiveProviderSessionMutation = { openElectiveProviderSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type UpdateElectiveProviderSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateElectiveProviderSessionMutation = { updateElectiveProviderSession: { id: string, title: string, startsAt: string, endsAt: string, firstDay: string, lastDay: string, deliveryMode: DeliveryMode, venue: string | null, capacity: number | null, seatsTaken: number, registrationOpensAt: string, dateChanges: Array<{ changedAt: string, changedBy: string, startsAtBefore: string, startsAtAfter: string, reason: string | null }> | null } };

export type SetElectiveProviderContactsMutationVariables = Exact<{
  contacts: Array<ContactInput> | ContactInput;
}>;


export type SetElectiveProviderContactsMutation = { setElectiveProviderContacts: { code: string, contacts: Array<{ name: string, phones: Array<string> }> } };

export type LedgerEntryFragment = { id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, year: number, completedOn: string, visibleFrom: string, reason: string | null, recordedBy: string, recordedAt: string, reverses: { id: string } | null };

export type ReverseCreditEntryMutationVariables = Exact<{
  entryId: string | number;
  reason: string;
}>;


export type ReverseCreditEntryMutation = { reverseCreditEntry: { id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, year: number, completedOn: string, visibleFrom: string, reason: string | null, recordedBy: string, recordedAt: string, reverses: { id: string } | null } };

export type RecordCreditEntryMutationVariables = Exact<{
  input: CreditEntryInput;
}>;


export type RecordCreditEntryMutation = { recordCreditEntry: { id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, year: number, completedOn: string, visibleFrom: string, reason: string | null, recordedBy: string, recordedAt: string, reverses: { id: string } | null } };

export type ProgrammeStatisticsQueryVariables = Exact<{
  year: number;
}>;


export type ProgrammeStatisticsQuery = { programmeStatistics: { year: number, learners: number | null, registrations: number | null, paid: number | null, completed: number | null, failed: number | null, withdrawn: number | null, expired: number | null, creditHours: number | null, revenueFen: number | null, suppressed: boolean, csv: string, byInstitution: Array<{ registrations: number | null, paid: number | null, completed: number | null, failed: number | null, withdrawn: number | null, expired: number | null, creditHours: number | null, revenueFen: number | null, suppressed: boolean, institution: { code: string, name: string } }> } };

export type CycleComplianceQueryVariables = Exact<{
  startYear: number;
}>;


export type CycleComplianceQuery = { cycleCompliance: { startYear: number, endYear: number, learnersWithCredit: number | null, compliant: number | null, requiredShort: number | null, totalShort: number | null, suppressed: boolean, csv: string } };

export type FindLearnersQueryVariables = Exact<{
  idNumber: string;
}>;


export type FindLearnersQuery = { institutions: Array<{ code: string, name: string }>, learnersByIdNumber: Array<{ id: string, name: string, idNumberMasked: string, employer: string, cycleStartYear: number, creditEntries: Array<{ id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, year: number, completedOn: string, visibleFrom: string, reason: string | null, recordedBy: string, recordedAt: string, reverses: { id: string } | null }> }> };

export type CatalogueQueryVariables = Exact<{
  year: number;
}>;


export type CatalogueQuery = { institutions: Array<{ code: string, name: string, isLeadUnit: boolean, profile:
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
      | { address: string | null, hotline: string | null, contacts: Array<{ name: string, phones: Array<string> }>, courses: Array<
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
          | { id: string, title: string, category: CourseCategory, hours: number, days: number | null, feeFen: number, sessions: Array<
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
              | { id: string, startsAt: string, endsAt: string, deliveryMode: DeliveryMode, capacity: number | null, seatsTaken: number, registrationOpensAt: string }
            > }
        > }
     | null }> };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, learner: { id: string, name: string, idNumberMasked: string } } };

export type SignInMutationVariables = Exact<{
  idNumber: string;
  password: string;
}>;


export type SignInMutation = { signIn: { token: string, learner: { id: string } } };

export type StaffSignInMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type StaffSignInMutation = { staffSignIn: { token: string } };

export type RegisterMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type RegisterMutation = { register: { id: string, status: RegistrationStatus, feeFen: number, session:
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
      | { id: string, course:
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
          | { title: string, hours: number }
         }
     | null } };

export type PayMutationVariables = Exact<{
  registrationId: string | number;
  idempotencyKey: string;
}>;


export type PayMutation = { pay: { id: string, status: PaymentStatus, amountFen: number, registration: { id: string, status: RegistrationStatus } } };

export type WithdrawMutationVariables = Exact<{
  registrationId: string | number;
}>;


export type WithdrawMutation = { withdraw: { id: string, status: RegistrationStatus, refundFen: number | null } };

export type ReportOutcomeMutationVariables = Exact<{
  registrationId: string | number;
  attendedFully: boolean;
  examPassed: boolean;
}>;


export type ReportOutcomeMutation = { reportOutcome: { id: string, status: RegistrationStatus, creditEntry: { id: string, hours: number, visibleFrom: string } | null } };

export type MyRecordQueryVariables = Exact<{
  cycleStartYear?: number | null | undefined;
}>;


export type MyRecordQuery = { me: { id: string, name: string, idNumberMasked: string, registrations: Array<{ id: string, status: RegistrationStatus, feeFen: number, session:
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
        | { id: string, startsAt: string, endsAt: string, course:
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
            | { title: string, category: CourseCategory, hours: number, institution: { name: string } }
           }
       | null }>, creditEntries: Array<{ id: string, courseTitle: string, institutionName: string, category: CourseCategory, hours: number, completedOn: string, visibleFrom: string }>, cycle: { startYear: number, endYear: number, requiredHours: number, electiveHours: number, totalHours: number, compliant: boolean, requiredShortfall: number, totalShortfall: number, years: Array<{ year: number, hours: number }> } } | null };

export type EmployerSignUpMutationVariables = Exact<{
  input: EmployerSignUpInput;
}>;


export type EmployerSignUpMutation = { employerSignUp: { token: string, employer: { id: string, name: string, creditCode: string } } };

export type EmployerSignInMutationVariables = Exact<{
  creditCode: string;
  password: string;
}>;


export type EmployerSignInMutation = { employerSignIn: { token: string } };

export type FileTrainingRequestMutationVariables = Exact<{
  input: TrainingRequestInput;
}>;


export type FileTrainingRequestMutation = { fileTrainingRequest: { id: string, status: TrainingRequestStatus, firstDay: string, course:
      | { id: string, title: string }
      | { id: string, title: string }
      | { id: string, title: string }
      | { id: string, title: string }
      | { id: string, title: string }
      | { id: string, title: string }
     | null } };

export type ScheduleTrainingRequestMutationVariables = Exact<{
  requestId: string | number;
  teacherName: string;
}>;


export type ScheduleTrainingRequestMutation = { scheduleTrainingRequest: { id: string, status: TrainingRequestStatus, teacherName: string | null, session:
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
      | { id: string, deliveryMode: DeliveryMode, startsAt: string }
     | null } };

export type RegistrationFactsQueryVariables = Exact<{
  year: number;
  groupBy: Array<FactDimension> | FactDimension;
}>;


export type RegistrationFactsQuery = { registrationFacts: { rows: Array<{ learners: number | null, registrations: number | null, hours: number | null, suppressed: boolean, key: { month: string | null, institution: string | null, course: string | null, category: string | null, deliveryMode: string | null, status: string | null, employer: string | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StaffSessionFragmentDoc = new TypedDocumentString(`
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}
    `, {"fragmentName":"StaffSession"}) as unknown as TypedDocumentString<StaffSessionFragment, unknown>;
export const LedgerEntryFragmentDoc = new TypedDocumentString(`
    fragment LedgerEntry on CreditEntry {
  id
  courseTitle
  institutionName
  category
  hours
  year
  completedOn
  visibleFrom
  reverses {
    id
  }
  reason
  recordedBy
  recordedAt
}
    `, {"fragmentName":"LedgerEntry"}) as unknown as TypedDocumentString<LedgerEntryFragment, unknown>;
export const RequestMobileCodeDocument = new TypedDocumentString(`
    mutation RequestMobileCode {
  requestMobileCode {
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<RequestMobileCodeMutation, RequestMobileCodeMutationVariables>;
export const VerifyMobileDocument = new TypedDocumentString(`
    mutation VerifyMobile($code: String!) {
  verifyMobile(code: $code) {
    id
  }
}
    `) as unknown as TypedDocumentString<VerifyMobileMutation, VerifyMobileMutationVariables>;
export const RequestInvoiceDocument = new TypedDocumentString(`
    mutation RequestInvoice($input: RequestInvoiceInput!) {
  requestInvoice(input: $input) {
    id
    number
    kind
    title
    amountFen
    issuedAt
    document {
      url
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<RequestInvoiceMutation, RequestInvoiceMutationVariables>;
export const MyInvoicesDocument = new TypedDocumentString(`
    query MyInvoices {
  me {
    registrations {
      id
      status
      refundFen
      payments {
        id
        status
        amountFen
        invoice {
          id
          number
          kind
          title
          amountFen
          issuedAt
          document {
            url
            expiresAt
          }
          reversal {
            id
            number
            amountFen
            reason
            issuedAt
            document {
              url
              expiresAt
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyInvoicesQuery, MyInvoicesQueryVariables>;
export const IssueTranscriptDocument = new TypedDocumentString(`
    mutation IssueTranscript($cycleStartYear: Int) {
  issueTranscript(cycleStartYear: $cycleStartYear) {
    id
    verificationCode
    issuedOn
    verificationUrl
    pdf {
      url
      expiresAt
    }
    csv {
      url
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<IssueTranscriptMutation, IssueTranscriptMutationVariables>;
export const VerifyTranscriptDocument = new TypedDocumentString(`
    query VerifyTranscript($code: String!) {
  verifyTranscript(code: $code) {
    verificationCode
    issuedOn
    learnerName
    employer
    stillMatchesLedger
    cycle {
      startYear
      endYear
      requiredHours
      electiveHours
      totalHours
      compliant
    }
    entries {
      courseTitle
      institutionName
      category
      hours
      completedOn
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyTranscriptQuery, VerifyTranscriptQueryVariables>;
export const CurrentEmployerDocument = new TypedDocumentString(`
    query CurrentEmployer {
  currentEmployer {
    id
    creditCode
    name
    contactName
    contactMobile
    staffCount
  }
}
    `) as unknown as TypedDocumentString<CurrentEmployerQuery, CurrentEmployerQueryVariables>;
export const SetEmployerStaffDocument = new TypedDocumentString(`
    mutation SetEmployerStaff($idNumbers: [String!]!) {
  setEmployerStaff(idNumbers: $idNumbers) {
    id
    staffCount
  }
}
    `) as unknown as TypedDocumentString<SetEmployerStaffMutation, SetEmployerStaffMutationVariables>;
export const MyTrainingRequestsDocument = new TypedDocumentString(`
    query MyTrainingRequests {
  myTrainingRequests {
    id
    status
    courseTitle
    firstDay
    lastDay
    headcount
    venue
    contactName
    contactMobile
    filedAt
    teacherName
    declineReason
    decidedAt
    formUrl
    stampedScan {
      contentType
      size
      uploadedAt
      url
    }
    course {
      id
      title
      hours
    }
    session {
      id
      startsAt
      endsAt
      venue
      seatsTaken
    }
  }
}
    `) as unknown as TypedDocumentString<MyTrainingRequestsQuery, MyTrainingRequestsQueryVariables>;
export const WithdrawTrainingRequestDocument = new TypedDocumentString(`
    mutation WithdrawTrainingRequest($requestId: ID!) {
  withdrawTrainingRequest(requestId: $requestId) {
    id
    status
    decidedAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawTrainingRequestMutation, WithdrawTrainingRequestMutationVariables>;
export const MyProgressDocument = new TypedDocumentString(`
    query MyProgress($cycleStartYear: Int) {
  me {
    id
    pendingCredit {
      id
      courseTitle
      institutionName
      category
      hours
      completedOn
      awaitingCalendarYear
    }
    cycle(startYear: $cycleStartYear) {
      startYear
      suggestions {
        courseTitle
        category
        hours
        session {
          id
          startsAt
          endsAt
          deliveryMode
          capacity
          seatsTaken
          registrationOpensAt
          course {
            institution {
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyProgressQuery, MyProgressQueryVariables>;
export const CurrentStaffDocument = new TypedDocumentString(`
    query CurrentStaff {
  currentStaff {
    username
    displayName
    role
    institution {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentStaffQuery, CurrentStaffQueryVariables>;
export const InstitutionDeskDocument = new TypedDocumentString(`
    query InstitutionDesk($code: ID!, $year: Int!) {
  institution(code: $code) {
    code
    name
    profile {
      code
      address
      hotline
      contacts {
        name
        phones
      }
      courses(year: $year) {
        id
        title
        category
        hours
        days
        sessions {
          ...StaffSession
        }
      }
    }
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<InstitutionDeskQuery, InstitutionDeskQueryVariables>;
export const RosterDocument = new TypedDocumentString(`
    query Roster($sessionId: ID!) {
  roster(sessionId: $sessionId) {
    id
    status
    hours
    learner {
      id
      name
      idNumberMasked
      employer
    }
    outcome {
      attendedFully
      examPassed
      reportedBy
      reportedAt
    }
  }
}
    `) as unknown as TypedDocumentString<RosterQuery, RosterQueryVariables>;
export const RosterCsvDocument = new TypedDocumentString(`
    query RosterCsv($sessionId: ID!) {
  rosterCsv(sessionId: $sessionId)
}
    `) as unknown as TypedDocumentString<RosterCsvQuery, RosterCsvQueryVariables>;
export const ReportOutcomesDocument = new TypedDocumentString(`
    mutation ReportOutcomes($sessionId: ID!, $outcomes: [OutcomeInput!]!) {
  reportOutcomes(sessionId: $sessionId, outcomes: $outcomes) {
    id
    status
    outcome {
      attendedFully
      examPassed
    }
  }
}
    `) as unknown as TypedDocumentString<ReportOutcomesMutation, ReportOutcomesMutationVariables>;
export const ReportOutcomesCsvDocument = new TypedDocumentString(`
    mutation ReportOutcomesCsv($sessionId: ID!, $csv: String!) {
  reportOutcomesCsv(sessionId: $sessionId, csv: $csv) {
    id
    status
    outcome {
      attendedFully
      examPassed
    }
  }
}
    `) as unknown as TypedDocumentString<ReportOutcomesCsvMutation, ReportOutcomesCsvMutationVariables>;
export const OpenAssociationSessionDocument = new TypedDocumentString(`
    mutation OpenAssociationSession($input: OpenSessionInput!) {
  openAssociationSession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenAssociationSessionMutation, OpenAssociationSessionMutationVariables>;
export const UpdateAssociationSessionDocument = new TypedDocumentString(`
    mutation UpdateAssociationSession($id: ID!, $input: UpdateSessionInput!) {
  updateAssociationSession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateAssociationSessionMutation, UpdateAssociationSessionMutationVariables>;
export const SetAssociationContactsDocument = new TypedDocumentString(`
    mutation SetAssociationContacts($contacts: [ContactInput!]!) {
  setAssociationContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetAssociationContactsMutation, SetAssociationContactsMutationVariables>;
export const OpenManagementCollegeSessionDocument = new TypedDocumentString(`
    mutation OpenManagementCollegeSession($input: OpenSessionInput!) {
  openManagementCollegeSession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenManagementCollegeSessionMutation, OpenManagementCollegeSessionMutationVariables>;
export const UpdateManagementCollegeSessionDocument = new TypedDocumentString(`
    mutation UpdateManagementCollegeSession($id: ID!, $input: UpdateSessionInput!) {
  updateManagementCollegeSession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateManagementCollegeSessionMutation, UpdateManagementCollegeSessionMutationVariables>;
export const SetManagementCollegeContactsDocument = new TypedDocumentString(`
    mutation SetManagementCollegeContacts($contacts: [ContactInput!]!) {
  setManagementCollegeContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetManagementCollegeContactsMutation, SetManagementCollegeContactsMutationVariables>;
export const OpenEngineersSocietySessionDocument = new TypedDocumentString(`
    mutation OpenEngineersSocietySession($input: OpenSessionInput!) {
  openEngineersSocietySession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenEngineersSocietySessionMutation, OpenEngineersSocietySessionMutationVariables>;
export const UpdateEngineersSocietySessionDocument = new TypedDocumentString(`
    mutation UpdateEngineersSocietySession($id: ID!, $input: UpdateSessionInput!) {
  updateEngineersSocietySession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateEngineersSocietySessionMutation, UpdateEngineersSocietySessionMutationVariables>;
export const SetEngineersSocietyContactsDocument = new TypedDocumentString(`
    mutation SetEngineersSocietyContacts($contacts: [ContactInput!]!) {
  setEngineersSocietyContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetEngineersSocietyContactsMutation, SetEngineersSocietyContactsMutationVariables>;
export const OpenShuSessionDocument = new TypedDocumentString(`
    mutation OpenShuSession($input: OpenSessionInput!) {
  openShuSession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenShuSessionMutation, OpenShuSessionMutationVariables>;
export const UpdateShuSessionDocument = new TypedDocumentString(`
    mutation UpdateShuSession($id: ID!, $input: UpdateSessionInput!) {
  updateShuSession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateShuSessionMutation, UpdateShuSessionMutationVariables>;
export const SetShuContactsDocument = new TypedDocumentString(`
    mutation SetShuContacts($contacts: [ContactInput!]!) {
  setShuContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetShuContactsMutation, SetShuContactsMutationVariables>;
export const OpenSjtuSessionDocument = new TypedDocumentString(`
    mutation OpenSjtuSession($input: OpenSessionInput!) {
  openSjtuSession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenSjtuSessionMutation, OpenSjtuSessionMutationVariables>;
export const UpdateSjtuSessionDocument = new TypedDocumentString(`
    mutation UpdateSjtuSession($id: ID!, $input: UpdateSessionInput!) {
  updateSjtuSession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateSjtuSessionMutation, UpdateSjtuSessionMutationVariables>;
export const SetSjtuContactsDocument = new TypedDocumentString(`
    mutation SetSjtuContacts($contacts: [ContactInput!]!) {
  setSjtuContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetSjtuContactsMutation, SetSjtuContactsMutationVariables>;
export const OpenElectiveProviderSessionDocument = new TypedDocumentString(`
    mutation OpenElectiveProviderSession($input: OpenSessionInput!) {
  openElectiveProviderSession(input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<OpenElectiveProviderSessionMutation, OpenElectiveProviderSessionMutationVariables>;
export const UpdateElectiveProviderSessionDocument = new TypedDocumentString(`
    mutation UpdateElectiveProviderSession($id: ID!, $input: UpdateSessionInput!) {
  updateElectiveProviderSession(id: $id, input: $input) {
    ...StaffSession
  }
}
    fragment StaffSession on Session {
  id
  title
  startsAt
  endsAt
  firstDay
  lastDay
  deliveryMode
  venue
  capacity
  seatsTaken
  registrationOpensAt
  dateChanges {
    changedAt
    changedBy
    startsAtBefore
    startsAtAfter
    reason
  }
}`) as unknown as TypedDocumentString<UpdateElectiveProviderSessionMutation, UpdateElectiveProviderSessionMutationVariables>;
export const SetElectiveProviderContactsDocument = new TypedDocumentString(`
    mutation SetElectiveProviderContacts($contacts: [ContactInput!]!) {
  setElectiveProviderContacts(contacts: $contacts) {
    code
    contacts {
      name
      phones
    }
  }
}
    `) as unknown as TypedDocumentString<SetElectiveProviderContactsMutation, SetElectiveProviderContactsMutationVariables>;
export const ReverseCreditEntryDocument = new TypedDocumentString(`
    mutation ReverseCreditEntry($entryId: ID!, $reason: String!) {
  reverseCreditEntry(entryId: $entryId, reason: $reason) {
    ...LedgerEntry
  }
}
    fragment LedgerEntry on CreditEntry {
  id
  courseTitle
  institutionName
  category
  hours
  year
  completedOn
  visibleFrom
  reverses {
    id
  }
  reason
  recordedBy
  recordedAt
}`) as unknown as TypedDocumentString<ReverseCreditEntryMutation, ReverseCreditEntryMutationVariables>;
export const RecordCreditEntryDocument = new TypedDocumentString(`
    mutation RecordCreditEntry($input: CreditEntryInput!) {
  recordCreditEntry(input: $input) {
    ...LedgerEntry
  }
}
    fragment LedgerEntry on CreditEntry {
  id
  courseTitle
  institutionName
  category
  hours
  year
  completedOn
  visibleFrom
  reverses {
    id
  }
  reason
  recordedBy
  recordedAt
}`) as unknown as TypedDocumentString<RecordCreditEntryMutation, RecordCreditEntryMutationVariables>;
export const ProgrammeStatisticsDocument = new TypedDocumentString(`
    query ProgrammeStatistics($year: Int!) {
  programmeStatistics(year: $year) {
    year
    learners
    registrations
    paid
    completed
    failed
    withdrawn
    expired
    creditHours
    revenueFen
    suppressed
    byInstitution {
      institution {
        code
        name
      }
      registrations
      paid
      completed
      failed
      withdrawn
      expired
      creditHours
      revenueFen
      suppressed
    }
    csv
  }
}
    `) as unknown as TypedDocumentString<ProgrammeStatisticsQuery, ProgrammeStatisticsQueryVariables>;
export const CycleComplianceDocument = new TypedDocumentString(`
    query CycleCompliance($startYear: Int!) {
  cycleCompliance(startYear: $startYear) {
    startYear
    endYear
    learnersWithCredit
    compliant
    requiredShort
    totalShort
    suppressed
    csv
  }
}
    `) as unknown as TypedDocumentString<CycleComplianceQuery, CycleComplianceQueryVariables>;
export const FindLearnersDocument = new TypedDocumentString(`
    query FindLearners($idNumber: String!) {
  institutions {
    code
    name
  }
  learnersByIdNumber(idNumber: $idNumber) {
    id
    name
    idNumberMasked
    employer
    cycleStartYear
    creditEntries {
      ...LedgerEntry
    }
  }
}
    fragment LedgerEntry on CreditEntry {
  id
  courseTitle
  institutionName
  category
  hours
  year
  completedOn
  visibleFrom
  reverses {
    id
  }
  reason
  recordedBy
  recordedAt
}`) as unknown as TypedDocumentString<FindLearnersQuery, FindLearnersQueryVariables>;
export const CatalogueDocument = new TypedDocumentString(`
    query Catalogue($year: Int!) {
  institutions {
    code
    name
    isLeadUnit
    profile {
      address
      hotline
      contacts {
        name
        phones
      }
      courses(year: $year) {
        id
        title
        category
        hours
        days
        feeFen
        sessions {
          id
          startsAt
          endsAt
          deliveryMode
          capacity
          seatsTaken
          registrationOpensAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogueQuery, CatalogueQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    learner {
      id
      name
      idNumberMasked
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($idNumber: String!, $password: String!) {
  signIn(idNumber: $idNumber, password: $password) {
    token
    learner {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const StaffSignInDocument = new TypedDocumentString(`
    mutation StaffSignIn($username: String!, $password: String!) {
  staffSignIn(username: $username, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<StaffSignInMutation, StaffSignInMutationVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($sessionId: ID!) {
  register(sessionId: $sessionId) {
    id
    status
    feeFen
    session {
      id
      course {
        title
        hours
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const PayDocument = new TypedDocumentString(`
    mutation Pay($registrationId: ID!, $idempotencyKey: String!) {
  pay(registrationId: $registrationId, idempotencyKey: $idempotencyKey) {
    id
    status
    amountFen
    registration {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PayMutation, PayMutationVariables>;
export const WithdrawDocument = new TypedDocumentString(`
    mutation Withdraw($registrationId: ID!) {
  withdraw(registrationId: $registrationId) {
    id
    status
    refundFen
  }
}
    `) as unknown as TypedDocumentString<WithdrawMutation, WithdrawMutationVariables>;
export const ReportOutcomeDocument = new TypedDocumentString(`
    mutation ReportOutcome($registrationId: ID!, $attendedFully: Boolean!, $examPassed: Boolean!) {
  reportOutcome(
    registrationId: $registrationId
    attendedFully: $attendedFully
    examPassed: $examPassed
  ) {
    id
    status
    creditEntry {
      id
      hours
      visibleFrom
    }
  }
}
    `) as unknown as TypedDocumentString<ReportOutcomeMutation, ReportOutcomeMutationVariables>;
export const MyRecordDocument = new TypedDocumentString(`
    query MyRecord($cycleStartYear: Int) {
  me {
    id
    name
    idNumberMasked
    registrations {
      id
      status
      feeFen
      session {
        id
        startsAt
        endsAt
        course {
          title
          category
          hours
          institution {
            name
          }
        }
      }
    }
    creditEntries {
      id
      courseTitle
      institutionName
      category
      hours
      completedOn
      visibleFrom
    }
    cycle(startYear: $cycleStartYear) {
      startYear
      endYear
      requiredHours
      electiveHours
      totalHours
      compliant
      requiredShortfall
      totalShortfall
      years {
        year
        hours
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecordQuery, MyRecordQueryVariables>;
export const EmployerSignUpDocument = new TypedDocumentString(`
    mutation EmployerSignUp($input: EmployerSignUpInput!) {
  employerSignUp(input: $input) {
    token
    employer {
      id
      name
      creditCode
    }
  }
}
    `) as unknown as TypedDocumentString<EmployerSignUpMutation, EmployerSignUpMutationVariables>;
export const EmployerSignInDocument = new TypedDocumentString(`
    mutation EmployerSignIn($creditCode: String!, $password: String!) {
  employerSignIn(creditCode: $creditCode, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<EmployerSignInMutation, EmployerSignInMutationVariables>;
export const FileTrainingRequestDocument = new TypedDocumentString(`
    mutation FileTrainingRequest($input: TrainingRequestInput!) {
  fileTrainingRequest(input: $input) {
    id
    status
    firstDay
    course {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<FileTrainingRequestMutation, FileTrainingRequestMutationVariables>;
export const ScheduleTrainingRequestDocument = new TypedDocumentString(`
    mutation ScheduleTrainingRequest($requestId: ID!, $teacherName: String!) {
  scheduleTrainingRequest(requestId: $requestId, teacherName: $teacherName) {
    id
    status
    teacherName
    session {
      id
      deliveryMode
      startsAt
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleTrainingRequestMutation, ScheduleTrainingRequestMutationVariables>;
export const RegistrationFactsDocument = new TypedDocumentString(`
    query RegistrationFacts($year: Int!, $groupBy: [FactDimension!]!) {
  registrationFacts(year: $year, groupBy: $groupBy) {
    rows {
      key {
        month
        institution
        course
        category
        deliveryMode
        status
        employer
      }
      learners
      registrations
      hours
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<RegistrationFactsQuery, RegistrationFactsQueryVariables>;