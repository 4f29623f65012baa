import { FileAudio, Film, Image, Paperclip } from 'lucide-react';
import type { PostMedia } from '@shared/domain';
import { bridge } from '../../bridge/bridge';

const KIND_NAMES: Readonly<Record<PostMedia['kind'], string>> = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  other: 'Attachment',
};

const ICONS = { image: Image, video: Film, audio: FileAudio, other: Paperclip } as const;

/**
 * What a post has attached, as words: the kind and the author's description, and a button that
 * opens it in the browser. The page never loads it (its CSP allows images from the app only, and
 * a remote picture would tell its server who looked and when).
 */
export function PostMediaList({ media }: { readonly media: readonly PostMedia[] }) {
  if (media.length === 0) return null;
  return (
    <ul className="post__media" aria-label="Attachments">
      {media.map((item, index) => {
        const Icon = ICONS[item.kind];
        const what = KIND_NAMES[item.kind];
        const description = item.description ?? 'no description';
        const { url } = item;
        return (
          <li key={index} className="post__media-item">
            <Icon className="post__media-icon" aria-hidden="true" size={16} />
            <span>
              {what}: {description}
            </span>
            {url === null ? null : (
              <button
                type="button"
                className="post__media-open"
                aria-label={`Open ${what.toLowerCase()} ${index + 1} in your browser`}
                onClick={() => void bridge.links.openExternal({ url })}
              >
                Open in browser
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
