import { Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseNotices } from '../../api/case-queries';
import { STATUS_COLOURS } from '../../theme';
import { LoadFailure } from '../load-failure';
import { Section } from './section';

/** 本案通知: the caller's reminders and notices of this case, newest first, each marked read or unread. */
export function CaseNotices({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const notices = useCaseNotices(caseId);
  const items = notices.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={t('console.casePage.sections.notices')}>
      {notices.error ? (
        <LoadFailure error={notices.error} retry={notices.refetch} />
      ) : (
        <List
          loading={notices.isPending}
          dataSource={items}
          locale={{ emptyText: t('console.casePage.notices.empty') }}
          loadMore={
            notices.hasNextPage && (
              <Button block loading={notices.isFetchingNextPage} onClick={() => void notices.fetchNextPage()}>
                {t('console.workbench.more')}
              </Button>
            )
          }
          renderItem={(notice) => (
            <List.Item key={notice.id}>
              <Space direction="vertical" size={0}>
                <Space wrap size="small">
                  <Tag color={notice.read ? undefined : STATUS_COLOURS.overdue}>
                    {t(notice.read ? 'console.casePage.notices.read' : 'console.casePage.notices.unread')}
                  </Tag>
                  <span>{notice.message}</span>
                </Space>
                <Typography.Text type="secondary">
                  <Space wrap split="·" size="small">
                    {t('console.casePage.notices.issuedAt', { at: notice.createdAt })}
                    {notice.dueAt && t('console.casePage.notices.dueAt', { at: notice.dueAt })}
                    {t('console.casePage.notices.clause', { clause: notice.clause })}
                  </Space>
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}
