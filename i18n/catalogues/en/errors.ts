import type { CatalogueOf } from '../../catalogue-shape';
import type { errors as reference } from '../zh-CN/errors';

export const errors: CatalogueOf<typeof reference> = {
  notFound: '{{what}} was not found',
  things: {
    case: 'case {{caseId}}',
    someCase: 'that case',
    action: 'action {{updateId}} on case {{caseId}}',
    district: 'district {{district}}',
  },
  internal: 'an unexpected error occurred; it has been logged',
  status: {
    bad_request: 'the request could not be read (e.g. the body is not valid JSON)',
    unauthorized: 'authentication is required',
    forbidden: 'not allowed',
    not_found: 'no such resource',
    method_not_allowed: 'this method is not allowed on this resource',
    conflict: 'conflicts with the current state of the case',
    payload_too_large: 'the request body is too large',
    unsupported_media_type: 'unsupported media type or charset',
    validation_failed: 'the request is invalid',
    too_many_requests: 'too many requests; retry later',
    service_unavailable: 'the service is unavailable; retry later',
    other: 'the request could not be handled (HTTP {{status}})',
  },
  methodNotAllowed: '{{method}} is not allowed on {{path}}; allowed: {{allowed}}',
  invalidStage:
    '{{action}} is not allowed in the current stage: {{stage}} ($t(common.stages.{{stage}})); ' +
    'allowed in: {{allowed, list}}',
  invalidStageBecause:
    '{{action}} is not allowed in the current stage: {{stage}} ($t(common.stages.{{stage}})): {{reason}}',
  invalidStageHere: '{{action}} is not allowed in the current stage: {{stage}} ($t(common.stages.{{stage}}))',
  caseEnded:
    'the case has ended: {{action}} is not allowed in the current stage: {{stage}} ($t(common.stages.{{stage}}))',
  caseEndedStageUnknown: 'the case has ended: {{action}} is not allowed (current stage: ended)',
  filingEnded: 'case {{caseId}}, filed with this Idempotency-Key, has ended; GET /v1/cases/{{caseId}} shows it',
  actionFailed: 'the action failed',
  actions: {
    submitApplication: 'filing an application',
    acceptance: 'the acceptance check',
    formPanel: 'forming the expert panel',
    submitReview: 'submitting a review',
    departmentOpinion: 'recording a department’s opinion',
    designation: 'the designation decision',
    incubationBase: 'recognising an incubation base',
    confirmPayment: 'confirming a payment',
    annualReport: 'filing a yearly report',
    evaluation: 'an evaluation',
    refundPayment: 'recording a refund payment',
    refundWriteOff: 'writing off a refund',
    attachDocument: 'uploading a paper',
  },
  tokenRefused: 'the bearer token is refused: {{reason}} ({{rule}})',
  token: {
    required: 'a bearer token is required (Authorization: Bearer <JWT>)',
    malformed: 'the bearer token is not a well-formed signed JWT',
    expired: 'the token has expired (exp is past, beyond the allowed clock skew)',
    algorithm: 'the token is signed with an algorithm this API does not accept',
    algorithmRefused: 'tokens signed with {{alg}} are not accepted; this API takes: {{accepted, list}}',
    hs256InProduction: 'HS256 tokens are refused in production; this API takes: {{accepted, list}}',
    signature: 'the token signature does not verify',
    unknownKey: 'the token is signed with a key the issuer does not publish',
    expMissing: 'the token has no exp',
    expNotNumber: 'the token exp is not a number of seconds',
    notYetValid: 'the token is not valid yet (nbf is ahead)',
    issuedInFuture: 'the token was issued in the future (iat is ahead)',
    lifetime: 'the token lives longer than {{seconds}} s (AUTH_MAX_TOKEN_LIFETIME)',
    issuer: 'the token was not issued by {{issuer}}',
    hs256Issuer: 'an HS256 token may only be issued by {{issuer}}',
    audience: 'the token is not meant for {{audience}}',
    subject: 'the token has no subject (sub)',
    subjectClaim: 'the token has no subject (claim {{claim}})',
    subjectTooLong: 'the token subject is longer than {{max}} characters',
    claim: 'the token claim {{claim}} is not valid',
    roleMissing: "the token's role (claim {{claim}}) must be one of {{roles, list}}",
    severalRoles: 'the token grants several roles ({{roles, list}} in claim {{claim}}); one is needed',
    district: 'a district token must name one known district code in claim {{claim}} (GET /v1/districts)',
  },
  roleMayNot: "role '{{role}}' ($t(common.roles.{{role}})) may not do this; allowed: {{allowed, list}}",
  ownDistrictCases: 'a district officer sees the cases of district {{district}} only',
  ownDistrictFiling: 'a district officer files for their own district ({{own}}) only, not {{other}}',
  mustBeOwnDistrict: 'must be {{district}}, the district of the caller',
  mustBeOwnDistrictOrAbsent: 'must be {{district}} or absent',
  idempotencyInProgress: "the first request with {{header}} '{{key}}' is still running; retry shortly",
  idempotencyKeyReused: "{{header}} '{{key}}' was already used for a different request",
  idempotencyKeyReusedHint: 'a key may be reused only with the same method, path and body',
  rateLimited: 'too many requests from {{officer}} ($t(common.roles.{{role}})); retry in {{seconds}} s',
  unavailable: '{{reason}}; nothing was applied — retry after {{seconds}} s',
  outage: {
    temporalUnreachable: 'Temporal at {{address}} is unreachable',
    temporalTimeout: 'Temporal at {{address}} did not answer in time',
    postgresUnreachable: 'PostgreSQL is unreachable',
    identityUnreachable: 'the identity provider is unreachable ({{detail}})',
  },
  noWorker:
    "no parkflow worker is polling task queue '{{taskQueue}}'; the action was not sent — retry once the worker runs",
  notReady: 'not ready: {{checks, list}} down',
  checkFailed: 'check failed: {{reason}}',
  noWorkerPolled: "no parkflow worker has polled task queue '{{taskQueue}}' in the last {{seconds}} s",
  workerSilent:
    "the parkflow workers polling task queue '{{taskQueue}}' have sent no heartbeat in the last {{seconds}} s: " +
    'gone or stopping',
  checkTimedOut: 'no answer within {{seconds}} s',
  pending: {
    accepted:
      'the action was accepted and is durable, but its effects (e.g. the treasury hand-over) took longer than ' +
      '{{waitedMs}} ms; GET /v1/cases/{{caseId}}/actions/{{updateId}} gives its outcome',
    sent:
      'the action was sent but no worker answered within {{waitedMs}} ms: its outcome is not known yet (it may ' +
      'still be applied or refused); GET /v1/cases/{{caseId}}/actions/{{updateId}} gives its outcome',
    filing:
      'the filing was sent as case {{caseId}} but no worker answered within {{waitedMs}} ms: its outcome is not ' +
      'known yet; the case appears in GET /v1/cases/{{caseId}} once a worker has taken it, ' +
      'GET /v1/cases/{{caseId}}/actions/{{updateId}} gives its outcome, and a retry with the same Idempotency-Key ' +
      'answers for the same case',
  },
};
