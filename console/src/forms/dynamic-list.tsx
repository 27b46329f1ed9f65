import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type FormListFieldData } from 'antd';
import type { FormListProps } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from './field-group';

/**
 * A list the officer grows and shrinks (agencies, staff, documents): one bordered row per item with its own labelled
 * fields and a remove button named by its position, an add button, and the list's own messages (e.g. R-APP-3 on the
 * roster as a whole) below it.
 */
export function DynamicList<Item extends object>({
  name,
  title,
  addText,
  newItem,
  rules,
  children: renderRow,
}: {
  name: (string | number)[];
  title: string;
  addText: string;
  newItem: Item;
  rules?: FormListProps['rules'];
  children: (field: FormListFieldData) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name} rules={rules}>
      {(fields, { add, remove }, { errors, warnings }) => (
        <FieldGroup title={title}>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
              <Flex gap="small" align="start" wrap>
                {renderRow(field)}
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('console.application.removeRow', { n: index + 1 })}
                  title={t('console.application.removeRow', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            </Card>
          ))}
          {/* In a Form.Item of its own, the list's messages take the item's warning and error colours. */}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newItem)}>
              {addText}
            </Button>
            <Form.ErrorList errors={errors} warnings={warnings} />
          </Form.Item>
        </FieldGroup>
      )}
    </Form.List>
  );
}
