import { useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../state/after-paint';

/**
 * `value`, once the frame that first showed the change that led to it has been drawn: what reads
 * or draws a lot for a new value (the open conversation) starts right after the keystroke's own
 * change is on screen. The first value is given at once; a quicker change overtakes a slower one.
 */
export function usePainted<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (Object.is(value, painted)) return;
    let mounted = true;
    afterNextPaint(() => {
      if (mounted) setPainted(() => latest.current);
    });
    return () => {
      mounted = false;
    };
  }, [value, painted]);
  return painted;
}
