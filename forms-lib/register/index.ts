/**
 * The application register (申请登记): record model, reading and checking the sheet, and the
 * derived state and due dates of each application. Pure core: no Node, DOM or Office imports.
 */
export * from './types.ts';
export { type RegisterGrid, type ReadRegisterOptions, type RegisterHeaderColumn, type RegisterRead, type RejectedRow, HALF_CLOSED, NON_BLOCKING, REQUIRED_COLUMNS, a1, readRegister } from './readRegister.ts';
export { type ApplicationStatus, type DeriveStatusOptions, deriveStatus } from './deriveStatus.ts';
export { type DateParse, excelSerialToIso, parseRegisterDate } from './dates.ts';
export {
  type EnumParse,
  type IdKind,
  DELIVERY_METHODS,
  idKindOf,
  outcomeKey,
  outcomeRegister,
  parseApplicantType,
  parseChannel,
  parseOutcome,
} from './enums.ts';
export {
  type IdCheck,
  type IdProblem,
  CREDIT_CODE_CHARSET,
  checkCreditCode,
  checkResidentId,
  creditCodeCheckChar,
  normalizeIdNumber,
  residentIdCheckChar,
} from './identity.ts';
