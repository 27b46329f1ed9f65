import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../api/queries';

/** 申报产业园: opens the application form (`/applications/new`); only a district officer files (§5.1). */
export function FileApplicationButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  if (me?.role !== 'district') return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/applications/new')}>
      {t('console.application.fileButton')}
    </Button>
  );
}
