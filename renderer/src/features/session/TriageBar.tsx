interface Props {
  readonly onReply: () => void;
  readonly onLater: () => void;
  readonly onDone: () => void;
  readonly onMute: () => void;
  readonly onUndo: () => void;
  readonly canUndo: boolean;
}

/** Every triage action as a button too, each with its key. */
export function TriageBar({ onReply, onLater, onDone, onMute, onUndo, canUndo }: Props) {
  return (
    <div className="triage" role="toolbar" aria-label="Triage">
      <button type="button" className="button" aria-keyshortcuts="r" onClick={onReply}>
        Reply <kbd>r</kbd>
      </button>
      <button type="button" className="button" aria-keyshortcuts="l" onClick={onLater}>
        Reply later <kbd>l</kbd>
      </button>
      <button
        type="button"
        className="button button--primary"
        aria-keyshortcuts="e"
        onClick={onDone}
      >
        Done <kbd>e</kbd>
      </button>
      <button type="button" className="button" aria-keyshortcuts="m" onClick={onMute}>
        Mute thread <kbd>m</kbd>
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-keyshortcuts="u"
        disabled={!canUndo}
        onClick={onUndo}
      >
        Undo <kbd>u</kbd>
      </button>
    </div>
  );
}
