import DOMPurify from 'dompurify';

/**
 * Post content is untrusted HTML from the network. Only a small set of text formatting survives:
 * no scripts, no event handlers, no styles, no forms, no frames; links keep only http(s) targets.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'a',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'translate'];

let hooked = false;
function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

export function sanitizePostHtml(html: string): string {
  ensureHooks();
  // `class` is let through only to read Mastodon's link markup below; none is left in the output.
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'class'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  showLinksAsMastodonDoes(fragment);
  for (const element of fragment.querySelectorAll('[class]')) element.removeAttribute('class');
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

/**
 * Mastodon shortens the links it writes: the scheme and a long tail sit in `invisible` spans, the
 * shown part in an `ellipsis` span. They stay hidden here, and a shortened link ends in "…"
 * (`example.com/a/long…`); the link still goes to its full address.
 */
function showLinksAsMastodonDoes(fragment: DocumentFragment): void {
  for (const span of fragment.querySelectorAll('span.invisible')) span.remove();
  for (const span of fragment.querySelectorAll('span.ellipsis')) span.append('…');
}

/**
 * Sanitized HTML with every link turned into plain text (for likely spam: what it points at can be
 * read, not followed). The text keeps a quiet mark so it still reads as an address.
 */
export function withLinksAsText(cleanHtml: string): string {
  const box = document.createElement('div');
  box.innerHTML = cleanHtml;
  for (const anchor of box.querySelectorAll('a')) {
    const text = document.createElement('span');
    text.className = 'dead-link';
    text.textContent = anchor.textContent;
    anchor.replaceWith(text);
  }
  return box.innerHTML;
}

/** Whether sanitized post HTML has anything to read (a post may be a picture only). */
export function hasText(cleanHtml: string): boolean {
  const box = document.createElement('div');
  box.innerHTML = cleanHtml;
  return (box.textContent ?? '').trim() !== '';
}
