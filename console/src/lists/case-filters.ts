import { CASE_STAGES, type CaseStage } from '../../../workflows/definitions/case';
import type { CaseFilters } from '../api/list-queries';

/**
 * The case list's filters in the page's query string (`/cases?stage=designated&district=500112&overdue=true`), so a
 * filtered list is a link an officer can keep or send. What the query string holds that is not a filter is ignored.
 */

const DISTRICT_CODE = /^\d{6}$/;

/** The filters the query string names; `district` only when the officer may choose one. */
export function filtersFrom(params: URLSearchParams, districtChoosable: boolean): CaseFilters {
  const stage = params.get('stage');
  const district = params.get('district');
  return {
    ...((CASE_STAGES as readonly string[]).includes(stage ?? '') ? { stage: stage as CaseStage } : {}),
    // The API checks the code itself (422 naming `district` for one it does not know).
    ...(districtChoosable && district && DISTRICT_CODE.test(district)
      ? { district: district as CaseFilters['district'] }
      : {}),
    ...(params.get('overdue') === 'true' ? { overdue: true } : {}),
  };
}

/** The query string of the filters, in a fixed order (one list, one link). */
export function paramsOf(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.district) params.set('district', filters.district);
  if (filters.overdue) params.set('overdue', 'true');
  return params;
}
