import { memo } from 'react';
import { Dialog } from '../../ui/Dialog';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['j / ↓', 'Next conversation'],
  ['k / ↑', 'Previous conversation'],
  ['Enter', 'Open the conversation'],
  ['r', 'Write a reply (opens the composer)'],
  ['l', 'Reply later (a considered answer)'],
  ['e', 'Done'],
  ['m', 'Mute the thread'],
  ['u', 'Undo the last action'],
  ['s', 'Switch between conversations and the screener'],
  ['i', 'Screener: let this person in'],
  ['o', 'Screener: keep this person out'],
  ['Shift + D', 'Done for now (to the session’s summary)'],
  ['g then r', 'Go to Replies'],
  ['g then w', 'Go to Your week'],
  ['g then i', 'Go to the inbox'],
  [', or Ctrl (⌘) + ,', 'Open Settings'],
  ['?', 'Show these shortcuts'],
  ['Ctrl (⌘) + Enter', 'Composer: send the reply'],
  ['Esc', 'Composer: back, keeping the draft'],
];

/** Drawn again only when it opens or closes (not on every keystroke in the session). */
export const ShortcutsDialog = memo(function ShortcutsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([key, does]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
});
