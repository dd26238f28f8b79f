/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CourseCategory =
  /** 选修 */
  | 'ELECTIVE'
  /** 必修 */
  | 'REQUIRED';

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