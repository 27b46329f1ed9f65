import { Form } from 'antd';
import type { Schema } from '../../api/client';
import type { CaseRouteActionName } from '../../../../workflows/definitions/officer-actions';
import { useKeptForm } from '../kept-form';
import type { BodyOf } from '../send-action';
import { useAction } from '../use-action';
import { actionPath, type ActionPathOf } from './action-path';

/** What the action panel gives each form: the case, and whom to tell once the action has been applied. */
export interface ActionFormProps {
  view: Schema<'CaseView'>;
  /** Called once the action is applied (the case has been read again; this form may be gone from it). */
  onApplied?: () => void;
}

/**
 * The plumbing every action form shares: an Ant Design form kept in sessionStorage per case and action (`part` tells
 * apart several forms of one action, e.g. one per payment), and its action sent to the table's route on the case.
 * Once applied the kept copy is dropped and the form emptied. `send` takes the API's own body type for the route.
 */
export function useActionForm<Name extends CaseRouteActionName, Values = BodyOf<ActionPathOf<Name>>>(
  name: Name,
  { view, onApplied }: ActionFormProps,
  part?: string,
) {
  const [form] = Form.useForm<Values>();
  const kept = useKeptForm(form, [view.caseId, name, part].filter(Boolean).join('.'));
  // The form's name prefixes its fields' ids: two forms on the page never share an id (labels stay tied to them).
  const formName = [name, part].filter(Boolean).join('-');
  const action = useAction(actionPath(name), form, () => {
    kept.forget();
    form.resetFields();
    onApplied?.();
  });
  const send = (body: BodyOf<ActionPathOf<Name>>, pathParams: Record<string, string> = {}) =>
    action.submit({ caseId: view.caseId, ...pathParams }, body);
  return { form, formName, keep: kept.keep, state: action.state, busy: action.busy, send };
}
