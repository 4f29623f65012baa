import { CircleAlert, CircleCheck, Clock, Send, WifiOff } from 'lucide-react';
import type { OutboxState } from '@shared/domain/outbox';

/** A reply's state at a glance (decoration: the words next to it say the same). */
export function StatusIcon({ state, online }: { state: OutboxState; online: boolean }) {
  const props = { className: 'icon status-icon', 'aria-hidden': true } as const;
  switch (state) {
    case 'sending':
      return <Send {...props} />;
    case 'sent':
      return <CircleCheck {...props} />;
    case 'needs-attention':
      return <CircleAlert {...props} />;
    default:
      return online ? <Clock {...props} /> : <WifiOff {...props} />;
  }
}
