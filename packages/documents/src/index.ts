export { renderTranscript } from './renderTranscript';
export { transcriptCsv } from './transcriptCsv';
export {
  validateTranscriptInput,
  TRANSCRIPT_TITLE,
  TRANSCRIPT_SUBTITLE,
  type TranscriptInput,
  type TranscriptEntry,
} from './TranscriptInput';
export { TRANSCRIPT_HEADERS } from './transcriptRows';
export { renderInvoice, INVOICE_TITLE, REVERSING_INVOICE_TITLE } from './renderInvoice';
export {
  renderTrainingRequestForm,
  TRAINING_REQUEST_FORM_TITLE,
  type TrainingRequestFormInput,
} from './renderTrainingRequestForm';
export { validateInvoiceInput, type InvoiceInput, type InvoiceBuyer, type InvoiceItem } from './InvoiceInput';
export { fenToChineseCapital } from './fenToChineseCapital';
export { scanContentType, type ScanContentType } from './scanContentType';
export { formatHours } from './formatHours';
