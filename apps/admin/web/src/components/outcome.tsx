import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export interface Outcome {
  id: number;
  ok: boolean;
  text: string;
}

const OutcomeContext = createContext<(ok: boolean, text: string) => void>(() => undefined);

/** Outcome messages of commands: success or the API's `error.code: message`, kept until dismissed. */
export function OutcomeProvider({ children }: { children: ReactNode }) {
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const report = useCallback((ok: boolean, text: string) => {
    setOutcomes((list) => [...list.slice(-3), { id: Date.now() + Math.random(), ok, text }]);
  }, []);
  const dismiss = (id: number): void => setOutcomes((list) => list.filter((item) => item.id !== id));
  return (
    <OutcomeContext.Provider value={report}>
      {children}
      <div className="outcomes" aria-live="polite">
        {outcomes.map((outcome) => (
          <div key={outcome.id} className={`outcome ${outcome.ok ? 'ok' : 'fail'}`} data-testid="outcome">
            <span>{outcome.text}</span>
            <button type="button" onClick={() => dismiss(outcome.id)} aria-label="dismiss">
              ×
            </button>
          </div>
        ))}
      </div>
    </OutcomeContext.Provider>
  );
}

export function useReportOutcome(): (ok: boolean, text: string) => void {
  return useContext(OutcomeContext);
}
