import { BellOff, Check, Clock, Reply, Undo2 } from 'lucide-react';
import { memo } from 'react';

interface Props {
  readonly onReply: () => void;
  readonly onLater: () => void;
  readonly onDone: () => void;
  readonly onMute: () => void;
  readonly onUndo: () => void;
  readonly canUndo: boolean;
}

/**
 * Every triage action as a button too, each with its key. The icons are decoration: each button's
 * name is its words (kept for assistive technology when a narrow pane shows the icons only).
 */
export const TriageBar = memo(function TriageBar({
  onReply,
  onLater,
  onDone,
  onMute,
  onUndo,
  canUndo,
}: Props) {
  return (
    <div className="triage" role="toolbar" aria-label="Triage">
      <button type="button" className="button" aria-keyshortcuts="r" onClick={onReply}>
        <Reply className="icon" aria-hidden="true" />
        <span className="button__label">Reply</span> <kbd>r</kbd>
      </button>
      <button type="button" className="button" aria-keyshortcuts="l" onClick={onLater}>
        <Clock className="icon" aria-hidden="true" />
        <span className="button__label">Reply later</span> <kbd>l</kbd>
      </button>
      <button
        type="button"
        className="button button--primary"
        aria-keyshortcuts="e"
        onClick={onDone}
      >
        <Check className="icon" aria-hidden="true" />
        <span className="button__label">Done</span> <kbd>e</kbd>
      </button>
      <button type="button" className="button" aria-keyshortcuts="m" onClick={onMute}>
        <BellOff className="icon" aria-hidden="true" />
        <span className="button__label">Mute thread</span> <kbd>m</kbd>
      </button>
      <button
        type="button"
        className="button button--quiet triage__undo"
        aria-keyshortcuts="u"
        disabled={!canUndo}
        onClick={onUndo}
      >
        <Undo2 className="icon" aria-hidden="true" />
        <span className="button__label">Undo</span> <kbd>u</kbd>
      </button>
    </div>
  );
});
