export { idNumberCheckCharacter, isValidIdNumber } from './isValidIdNumber';
export { normaliseIdNumber } from './normaliseIdNumber';
export { maskIdNumber } from './maskIdNumber';
export { maskMobile } from './maskMobile';
export { isValidMobile } from './isValidMobile';
export { isValidCreditCode } from './isValidCreditCode';
export { isLegibleText, MAX_COMBINING_MARKS } from './isLegibleText';

export { isValidDay } from './isValidDay';
export { addCalendarDays } from './addCalendarDays';
export { dayOfWeek } from './dayOfWeek';
export { isWorkingDay, isWorkingDayIn } from './isWorkingDay';
export { addWorkingDays, addWorkingDaysIn } from './addWorkingDays';
export { creditVisibility, creditVisibleFrom, CREDIT_VISIBILITY_WORKING_DAYS } from './creditVisibleFrom';
export type { CreditVisibility } from './creditVisibleFrom';
export { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
export { BUILT_IN_CALENDAR, calendarWithLoadedYears, HELD_CALENDAR_YEARS, OFFICIAL_CALENDAR } from './officialCalendar';
export type { OfficialYear, WorkingDayCalendar } from './officialCalendar';
export { officialYearProblems } from './officialYearProblems';
export { firstWorkingRun, sessionDaysRefusal } from './sessionDaysRefusal';
export type { SessionDaysRefusal } from './sessionDaysRefusal';
export type { OfficialYearProblem } from './officialYearProblems';

export {
  cycleVerdict,
  CYCLE_YEARS,
  REQUIRED_HOURS_PER_CYCLE,
  TOTAL_HOURS_PER_CYCLE,
  TARGET_HOURS_PER_YEAR,
  type CycleEntry,
  type CycleVerdict,
} from './cycleVerdict';
export { CATEGORIES, isCategory, type Category } from './Category';
export { DELIVERY_MODES, type DeliveryMode } from './DeliveryMode';

export { refundFen } from './refundFen';
export { formatFen } from './formatFen';

export { shanghaiDay } from './shanghaiDay';
export { startOfShanghaiDay } from './startOfShanghaiDay';
export { shanghaiYear } from './shanghaiYear';
export { endOfShanghaiYear } from './endOfShanghaiYear';
export { isWithinPlanningHorizon, planningYears, PLANNING_YEARS_AHEAD } from './planningHorizon';
export { hoursToMinutes } from './hoursToMinutes';
export { minutesToHours } from './minutesToHours';

export { earliestEmployerTrainingDay } from './earliestEmployerTrainingDay';
export { mayRunFaceToFace, ONLINE_ONLY_YEARS } from './faceToFace';
export { creditCodeOfIdentity, employerIdentity } from './employerIdentity';
export { normaliseEmployer } from './normaliseEmployer';
export { registrationRefusal, type RegistrationAttempt, type RegistrationRefusal } from './registrationRefusal';
export {
  ACTIVE_REGISTRATION_STATUSES,
  coursewareAccessExpiresAt,
  registrationStatusAt,
  type RegistrationStatus,
} from './registrationStatusAt';
export { suggestSessions, type SessionOffer, type ShortfallSituation } from './suggestSessions';
export {
  UNPAID_HOLD_LIMITS,
  summariseUnpaidHolds,
  unpaidHoldRefusal,
  type UnpaidHoldLimits,
  type UnpaidHoldRefusal,
  type UnpaidHoldSummary,
  type UnpaidRegistration,
} from './unpaidHoldRefusal';
export {
  datesOwedToLearner,
  movesEarlier,
  sessionDateChangeRefusal,
  type SessionDateChangeRefusal,
  type SessionDates,
} from './sessionDates';
export { MIN_LEARNERS_PER_CELL, suppressSmallCells, type FactCell } from './suppressSmallCells';
export { splitIsSmall } from './splitIsSmall';
export { OUTCOME_CSV_COLUMNS, outcomeCsvRows, outcomeYesNo, splitCsv } from './outcomeCsv';
export type { OutcomeCsvRow } from './outcomeCsv';
