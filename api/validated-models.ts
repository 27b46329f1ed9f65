import * as assessmentActions from './actions/assessment.dto';
import * as decisionActions from './actions/decision.dto';
import * as moneyActions from './actions/money.dto';
import * as yearlyActions from './actions/yearly-cycle.dto';
import * as applications from './applications/application.dto';
import * as applicationDocuments from './applications/application-documents.dto';
import * as applicationFacts from './applications/application-facts.dto';
import * as parkProfile from './applications/park-profile.dto';
import * as calendar from './calendar/calendar.dto';
import * as caseList from './cases/case-list.dto';
import * as deadlineList from './deadlines/deadline-list.dto';
import * as documentUpload from './documents/document-upload.dto';
import * as districtContacts from './districts/district-contacts.dto';
import * as notifications from './notifications/notification.dto';
import * as officers from './officers/officer.dto';
import * as designationStats from './stats/designation-stats.dto';
import type { ValidatedModel } from './common/validator-constraints';

/**
 * Every class a request body or query is validated against: the OpenAPI document states their validators'
 * bounds (api/common/validator-constraints.ts). A DTO module left out here would document fewer bounds than it
 * checks, which the fuzzing test (test/heavy/api-fuzzing.test.ts) finds as schema-valid requests refused.
 */
export const VALIDATED_MODELS: ValidatedModel[] = [
  assessmentActions,
  decisionActions,
  moneyActions,
  yearlyActions,
  applications,
  applicationDocuments,
  applicationFacts,
  parkProfile,
  calendar,
  caseList,
  deadlineList,
  documentUpload,
  districtContacts,
  notifications,
  officers,
  designationStats,
].flatMap((module) => Object.values(module).filter((value): value is ValidatedModel => typeof value === 'function'));
