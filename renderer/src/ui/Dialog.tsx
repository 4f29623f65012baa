import { X } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  /**
   * A visible close button in the title row, with this accessible name ("Close settings"); it
   * asks `onRequestClose` (or closes).
   */
  readonly closeLabel?: string;
  /**
   * Escape and the close button ask this first, instead of closing at once (e.g. to ask about
   * unsaved changes); it decides whether to call `onClose`.
   */
  readonly onRequestClose?: () => void;
}

/** A modal dialog on the native <dialog>: focus trapping, Escape and the backdrop come for free. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
  closeLabel,
  onRequestClose,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        if (onRequestClose === undefined) return;
        event.preventDefault();
        onRequestClose();
      }}
      onKeyDown={(event) => {
        // Escape asks first; preventing the key stops the dialog's own close request.
        if (event.key !== 'Escape' || onRequestClose === undefined || event.defaultPrevented)
          return;
        event.preventDefault();
        onRequestClose();
      }}
    >
      {open ? (
        <>
          {closeLabel === undefined ? (
            <h2 id={titleId}>{title}</h2>
          ) : (
            <div className="dialog__header">
              <h2 id={titleId}>{title}</h2>
              <button
                type="button"
                className="icon-button dialog__close"
                aria-label={closeLabel}
                title={closeLabel}
                onClick={onRequestClose ?? onClose}
              >
                <X aria-hidden="true" size={18} />
              </button>
            </div>
          )}
          {children}
        </>
      ) : null}
    </dialog>
  );
}
