import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTable, EXPORT_FORMATS, type ExportFormat, type ExportTable } from './export-table';

interface ExportState {
  busy?: ExportFormat;
  notes?: string[];
  failure?: string;
}

/**
 * 导出 Excel / 导出 CSV: builds the table when asked (it may fetch the whole list first) and downloads it; says what
 * the file's own notes say (e.g. that the list was cut), or why the export failed.
 */
export function ExportButtons({ build, disabled = false }: { build: () => Promise<ExportTable>; disabled?: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({});
  const run = async (format: ExportFormat): Promise<void> => {
    setState({ busy: format });
    try {
      const table = await build();
      await downloadTable(table, format);
      setState({ notes: table.notes });
    } catch (error) {
      setState({ failure: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Space direction="vertical">
      <Space wrap>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            icon={<DownloadOutlined aria-hidden />}
            loading={state.busy === format}
            disabled={disabled || (state.busy !== undefined && state.busy !== format)}
            onClick={() => void run(format)}
          >
            {t(`console.lists.export.${format}`)}
          </Button>
        ))}
      </Space>
      {state.notes?.map((note) => (
        <Alert key={note} type="warning" showIcon message={note} />
      ))}
      {state.failure && (
        <Alert type="error" showIcon message={t('console.lists.export.failed', { message: state.failure })} />
      )}
    </Space>
  );
}
