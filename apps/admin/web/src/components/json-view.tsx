import { toJson } from '../lib/format';

export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <pre className="json" data-testid={testId}>
      {toJson(value)}
    </pre>
  );
}
