import { useTranslation } from 'react-i18next';
import { useOfficerNames } from '../../api/case-queries';

/**
 * How the case page names an officer: the directory's display name with the id beside it when the directory is
 * readable (municipal bureau only), else the id alone.
 */
export function useOfficerLabel(): (id: string) => string {
  const { t } = useTranslation();
  const nameOf = useOfficerNames();
  return (id) => {
    const name = nameOf(id);
    return name ? t('console.casePage.officer', { name, id }) : id;
  };
}
