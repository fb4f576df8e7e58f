import { initials } from '../../components/initials.js';
import { useEditorState } from './context.js';

export function PresenceAvatars() {
  const peers = useEditorState((s) => s.peers);
  const multiPage = (useEditorState((s) => s.meta?.pages) ?? 1) > 1;
  // One avatar per person (the same user may have several tabs open).
  const people = new Map<string, (typeof peers)[number]>();
  for (const p of peers) if (!people.has(p.user.id) || p.self) people.set(p.user.id, p);
  const list = [...people.values()];
  return (
    <div className="avatars" data-testid="avatars">
      {list.slice(0, 6).map((p) => (
        <span
          key={p.user.id}
          className={`avatar avatar-peer${p.self ? ' avatar-self' : ''}`}
          style={{ background: p.user.color }}
          title={`${p.self ? `${p.user.name} (you)` : p.user.name}${multiPage ? ` · page ${p.page + 1}` : ''}`}
          data-page={p.page}
          data-testid="avatar"
          data-user-id={p.user.id}
          data-user-name={p.user.name}
        >
          {initials(p.user.name)}
          {multiPage && !p.self && <span className="avatar-page">{p.page + 1}</span>}
        </span>
      ))}
      {list.length > 6 && <span className="avatar avatar-more">+{list.length - 6}</span>}
    </div>
  );
}
