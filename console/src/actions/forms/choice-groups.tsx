import { Checkbox, Radio } from 'antd';

/** What a Form.Item gives its control, besides its value: the id its label names, and its state for assistive tech. */
interface ControlProps<Value> {
  id?: string;
  value?: Value;
  onChange?: (value: Value) => void;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

interface Choices<Option> {
  /** The group's accessible name (the form item's label does not name a group). */
  label: string;
  options: { value: Option; label: string }[];
}

/**
 * One of a few choices, as a WAI-ARIA radiogroup: Ant Design's radio group is a plain `div`, on which the
 * `aria-required` a required form item adds is not allowed (axe aria-allowed-attr); a radiogroup carries it.
 */
export function RadioChoice<Option extends string | boolean>({
  id,
  value,
  onChange,
  label,
  options,
  ...aria
}: ControlProps<Option> & Choices<Option>) {
  return (
    <div role="radiogroup" id={id} aria-label={label} {...aria}>
      <Radio.Group value={value} options={options} onChange={(event) => onChange?.(event.target.value as Option)} />
    </div>
  );
}

/** Any of a few choices, as a WAI-ARIA group (which takes no `aria-required`: the form item's rule still applies). */
export function CheckboxChoice<Option extends string>({
  id,
  value,
  onChange,
  label,
  options,
  'aria-required': _required,
  ...aria
}: ControlProps<Option[]> & Choices<Option>) {
  return (
    <div role="group" id={id} aria-label={label} {...aria}>
      <Checkbox.Group<Option> value={value} options={options} onChange={(checked) => onChange?.(checked)} />
    </div>
  );
}
