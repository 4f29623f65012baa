/**
 * Runs `run` once the next frame has been drawn: what a keystroke shows is painted first, and
 * work the user does not see yet (the address, a store write, reading what shows next) follows
 * at once after it. A frame's animation callbacks run just before it is drawn, so a message
 * posted from one is handled after it (and after what earlier callbacks posted). A page that
 * draws no frames (hidden) runs it after `fallbackMs`.
 */
export function afterNextPaint(run: () => void, fallbackMs = 100): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    window.clearTimeout(fallback);
    run();
  };
  const fallback = window.setTimeout(once, fallbackMs);
  window.requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      once();
    };
    channel.port2.postMessage(null);
  });
}
