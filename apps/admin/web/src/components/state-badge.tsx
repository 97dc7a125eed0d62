import type { StateName } from '../api/types';
import { STATE_COLOURS } from '../lib/states';

export function StateBadge({ state }: { state: StateName | undefined | null }) {
  const colours = STATE_COLOURS[state ?? 'NONE'];
  return (
    <span className="badge" style={{ background: colours.fill, borderColor: colours.stroke, color: colours.stroke }}>
      {state ?? 'NOT STARTED'}
    </span>
  );
}
