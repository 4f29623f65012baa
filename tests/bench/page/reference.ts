// The bench's fixed reference for the empty app's cold open: a static page that paints one line
// of text and marks its first view as the app does (App.tsx), with no framework, store or styles.
// What the app takes beyond this is the price of its own start-up.

performance.mark('slowpost:first-view');
