import type { CatalogueOf } from '../../catalogue-shape';
import type { validation as reference } from '../zh-CN/validation';

export const validation: CatalogueOf<typeof reference> = {
  request: 'the request is invalid: {{fields, list}}',
  eachItemOf: 'each value in {{field}}',
  isInt: '{{field}} must be an integer number',
  isNumber: '{{field}} must be a finite number',
  isString: '{{field}} must be a string',
  isBoolean: '{{field}} must be true or false',
  isObject: '{{field}} must be an object',
  isArray: '{{field}} must be an array',
  isNotEmpty: '{{field}} should not be empty',
  isIn: '{{field}} must be one of the following values: {{allowed, list}}',
  min: '{{field}} must not be less than {{min, number}}',
  max: '{{field}} must not be greater than {{max, number}}',
  minLength: '{{field}} must be longer than or equal to {{min}} characters',
  maxLength: '{{field}} must be shorter than or equal to {{max}} characters',
  arrayMinSize: '{{field}} must contain at least {{min}} elements',
  arrayMaxSize: '{{field}} must contain no more than {{max}} elements',
  arrayUnique: "{{field}}'s elements must be unique",
  matches: '{{field}} is not in the expected format',
  isEmail: '{{field}} must be a valid email address',
  isUrl: '{{field}} must be a URL',
  isUuid: '{{field}} must be a UUID',
  nestedValidation: '{{field}} must be an object or an array of objects',
  whitelistValidation: '{{field}}: unknown field',
  unknownValue: 'the request body must be a JSON object',
  invalid: '{{field}} is not valid',
  isChongqingDay: '{{field}} must be {{what}} ({{rule}})',
  days: {
    calendarDay: 'a real calendar day YYYY-MM-DD',
    letterDay: 'the day of the letter, a real calendar day YYYY-MM-DD',
    issueDay: 'the day of issue, a real calendar day YYYY-MM-DD',
    rectifyBy: 'a Chongqing day YYYY-MM-DD, a real calendar day: the order runs to its end, 24:00 Chongqing',
  },
  isDayOrInstant:
    '{{field}} must be a Chongqing day YYYY-MM-DD or an ISO 8601 date-time with its offset, ' +
    'e.g. 2027-03-31T16:00:00Z (R-CAL-1)',
  isUnifiedSocialCreditCode:
    '{{field}} must be an 18-character unified social credit code with a valid GB 32100-2015 check character',
  /** R-APP-9: the specialism of a specialised park, the description of an `other` form of private capital. */
  specialism:
    '{{field}}: a specialised park names its line (at most {{max}} characters), a regional one not ({{rule}})',
  capitalDescription:
    '{{field}}: how private capital takes part, with form other only (at most {{max}} characters) ({{rule}})',
  knownDistrict: '{{field}} must be a known district code (GET /v1/districts)',
  distinctEmails: '{{field}} must have distinct emails',
  officerIds: 'each {{field}} entry is an officer id (letters, digits, . _ @ -, at most 100)',
  nulCharacter: '{{field}} must not contain the NUL character (U+0000)',
  nestedTooDeep: '{{field}} must not nest arrays and objects deeper than {{max}} levels',
  cursor: '{{field}} is not a cursor this list returned; use the nextCursor of the previous page, unchanged',
  toBeforeFrom: '{{field}} must not be before from',
  calendarSpan: '{{field}} must be at most {{max}} days after from ({{rule}})',
  idempotencyKey: '{{field}} must be 1–200 printable ASCII characters; use a unique token per action, e.g. a UUID',
};
