import { createContext, useContext } from 'react';

export type Language = 'zh' | 'en';

const TEXT = {
  title: ['上海市专业技术人员继续教育公需科目', 'Shanghai continuing education: public required subjects'],
  catalogue: ['课程目录', 'Catalogue'],
  institutions: ['培训机构', 'Institutions'],
  verify: ['学时记录验证', 'Verify a transcript'],
  myRecord: ['我的学习', 'My record'],
  signIn: ['登录', 'Sign in'],
  signUp: ['注册账号', 'Sign up'],
  signOut: ['退出', 'Sign out'],
  year: ['年度', 'Year'],
  institution: ['机构', 'Institution'],
  category: ['类别', 'Category'],
  month: ['月份', 'Month'],
  all: ['全部', 'All'],
  hasSeats: ['仅显示有余位', 'Only with seats left'],
  course: ['课程', 'Course'],
  hours: ['学时', 'Hours'],
  fee: ['费用', 'Fee'],
  sessions: ['班次', 'Sessions'],
  seatsLeft: ['余位', 'Seats left'],
  unlimited: ['不限', 'Unlimited'],
  REQUIRED: ['必修', 'Required'],
  ELECTIVE: ['选修', 'Elective'],
  LIVE_ONLINE: ['网络直播', 'Live online'],
  FACE_TO_FACE: ['面授', 'Face to face'],
  ONLINE_COURSEWARE: ['网络课件', 'Online courseware'],
  liveNotice: [
    '直播课程请使用电脑参加，不建议使用 IE 浏览器，请提前测试电脑。',
    'Live courses: take part on a PC; Internet Explorer is not recommended; test your PC beforehand.',
  ],
  register: ['报名', 'Register'],
  loading: ['加载中…', 'Loading…'],
  noCourses: ['没有符合条件的课程', 'No courses match'],
  address: ['地址', 'Address'],
  hotline: ['热线', 'Hotline'],
  contacts: ['联系人', 'Contacts'],
  leadUnit: ['牵头单位', 'Lead unit'],
  idNumber: ['身份证号', 'ID number'],
  password: ['密码', 'Password'],
  name: ['姓名', 'Name'],
  mobile: ['手机号', 'Mobile'],
  employer: ['工作单位', 'Employer'],
  registered: ['报名成功，请在“我的学习”中缴费。', 'Registered: pay for it under My record.'],
  registrations: ['我的报名', 'My registrations'],
  status: ['状态', 'Status'],
  actions: ['操作', 'Actions'],
  pay: ['缴费', 'Pay'],
  invoice: ['申请发票', 'Request invoice'],
  downloadInvoice: ['下载发票', 'Download invoice'],
  withdraw: ['退课', 'Withdraw'],
  refundWillBe: ['退课后将退还', 'Withdrawing refunds'],
  confirmWithdraw: ['确认退课', 'Confirm withdrawal'],
  cancel: ['取消', 'Cancel'],
  refunded: ['已退款', 'Refunded'],
  AWAITING_PAYMENT: ['待缴费', 'Awaiting payment'],
  PAID: ['已缴费', 'Paid'],
  WITHDRAWN: ['已退课', 'Withdrawn'],
  COMPLETED: ['已完成', 'Completed'],
  FAILED: ['未通过', 'Failed'],
  EXPIRED: ['已过期', 'Expired'],
  credits: ['学时记录', 'Credit entries'],
  completedOn: ['完成日期', 'Completed on'],
  cycle: ['本周期', 'This cycle'],
  compliant: ['已达标', 'Met'],
  notCompliant: ['未达标', 'Not met yet'],
  required: ['必修学时', 'Required hours'],
  total: ['总学时', 'Total hours'],
  shortfall: ['尚缺', 'Short by'],
  perYear: ['各年度学时（目标 30）', 'Hours each year (target 30)'],
  issueTranscript: ['生成学时记录', 'Issue transcript'],
  transcriptPdf: ['下载 PDF', 'Download PDF'],
  transcriptCsv: ['下载 CSV', 'Download CSV'],
  verificationCode: ['验证码', 'Verification code'],
  check: ['查询', 'Check'],
  unknownCode: ['没有使用该验证码的学时记录', 'No transcript has this code'],
  paid: ['缴费成功', 'Paid'],
  invoiceIssued: ['发票已开具', 'Invoice issued'],
  suggestions: ['可报名补足学时的课程见课程目录', 'Courses that make up the shortfall are in the catalogue'],
  issuedOn: ['出具日期', 'Issued on'],
  matchesLedger: ['与学时账一致', 'Matches the ledger'],
  changedSince: ['出具后学时账已变化', 'The ledger changed since'],
  language: ['English', '中文'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

export const LanguageContext = createContext<Language>('zh');

/** The text of `key` in the current language. */
export function useText(): (key: TextKey) => string {
  const language = useContext(LanguageContext);
  return (key) => TEXT[key][language === 'zh' ? 0 : 1];
}

export function isTextKey(key: string): key is TextKey {
  return key in TEXT;
}
