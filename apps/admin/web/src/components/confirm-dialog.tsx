import type { ReactNode } from 'react';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** Disables the confirm button (e.g. invalid JSON in the editor). */
  invalid?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Every command goes through one of these: the operator sees what will be sent before it is. */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, invalid, onConfirm, onCancel }: Props) {
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div className="modal" role="dialog" aria-label={title} onClick={(event) => event.stopPropagation()}>
        <h2>{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'danger' : 'primary'}
            onClick={onConfirm}
            disabled={busy || invalid}
            data-testid="confirm-button"
          >
            {busy ? 'Sending…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
