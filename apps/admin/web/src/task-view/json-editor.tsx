import { parseJson } from '../lib/format';

/** A textarea that says whether its text is valid JSON; the parent disables "send" when it is not. */
export function JsonEditor({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  testId: string;
}) {
  const { error } = parseJson(value);
  return (
    <div className="json-editor">
      <textarea
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={Math.min(18, Math.max(5, value.split('\n').length + 1))}
        spellCheck={false}
        data-testid={testId}
      />
      <div className={error ? 'json-error' : 'json-ok'} data-testid={`${testId}-status`}>
        {error ? `Invalid JSON: ${error}` : 'valid JSON'}
      </div>
    </div>
  );
}
