import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeadlineRow } from '../api/list-queries';
import { STATUS_COLOURS } from '../theme';

/**
 * The deadlines due on one day of the calendar: park name (to its case) and kind; an overdue one in red and said
 * to be overdue in words too (colour alone does not tell everyone); a day R-CAL-3 holds provisionally says so.
 */
export function DayDeadlines({ deadlines }: { deadlines: DeadlineRow[] }) {
  const { t } = useTranslation();
  if (deadlines.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12 }}>
      {deadlines.map((deadline) => {
        const colour = deadline.overdue ? STATUS_COLOURS.overdue : undefined;
        return (
          <li key={`${deadline.caseId}-${deadline.kind}`} style={{ color: colour }}>
            {/* Underlined: beside the kind's text, a link must not be told apart by its colour alone. */}
            <Link to={`/cases/${deadline.caseId}`} style={{ color: colour, textDecoration: 'underline' }}>
              {deadline.parkName}
            </Link>{' '}
            {t(`common.deadlineKinds.${deadline.kind}`)}
            {deadline.overdue && t('console.lists.calendar.overdue')}
            {deadline.provisional && t('console.lists.calendar.provisional')}
          </li>
        );
      })}
    </ul>
  );
}
