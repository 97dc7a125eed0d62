import { useState } from 'react';
import { describeError } from '../api/api-error';
import { useReportOutcome } from '../components/outcome';

/** Runs one command, reports the outcome (the API's `code: message` on failure) and refreshes. */
export function useCommand(onDone: () => void) {
  const report = useReportOutcome();
  const [busy, setBusy] = useState(false);
  const run = async (label: string, send: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      const data = await send();
      const already = typeof data === 'object' && data !== null && (data as { already?: boolean }).already;
      report(true, already ? `${label}: already done` : `${label}: accepted`);
      return true;
    } catch (error) {
      report(false, `${label} failed — ${describeError(error)}`);
      return false;
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return { busy, run };
}
