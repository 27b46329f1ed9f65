import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionPanel } from '../../actions/action-panel';
import type { Schema } from '../../api/client';
import { Section } from './section';

/**
 * 可办理事项: the forms of the actions this officer may take on the case now, or a note that none waits on them. The
 * panel stays mounted when the last action leaves, so that it can still say the action was done.
 */
export function CaseActions({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('console.casePage.actions.heading')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ActionPanel view={view} />
        {view.allowedActions.length === 0 && (
          <Typography.Text type="secondary">{t('console.casePage.actions.none')}</Typography.Text>
        )}
      </Space>
    </Section>
  );
}
