/** A comment box with @mention autocomplete (↑/↓ to choose, Enter or Tab to insert); Enter sends, Shift+Enter starts a new line. */
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { insertMention, matchPeople, mentionQuery, type Person } from './mentions.js';

export interface MentionInputHandle {
  focus(): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  onSubmit?(): void;
  onCancel?(): void;
  people: Person[];
  placeholder?: string;
  autoFocus?: boolean;
  rows?: number;
  testId?: string;
  label: string;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export const MentionInput = forwardRef<MentionInputHandle, Props>(function MentionInput(
  { value, onChange, onSubmit, onCancel, people, placeholder, autoFocus, rows = 2, testId, label },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [index, setIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus() }), []);

  const query = focused ? mentionQuery(value, caret) : null;
  const [typed, typedAt] = [query?.query, query?.start];
  const matches = useMemo(
    () => (typed !== undefined && typedAt !== dismissedAt ? matchPeople(people, typed) : []),
    [typed, typedAt, dismissedAt, people],
  );
  const open = matches.length > 0;

  const choose = (p: Person) => {
    if (!query) return;
    const next = insertMention(value, caret, query.start, p.name);
    onChange(next.text);
    setIndex(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
      setCaret(next.caret);
    });
  };

  return (
    <div className="mention-input">
      <textarea
        ref={area}
        aria-label={label}
        data-testid={testId}
        value={value}
        rows={rows}
        placeholder={placeholder}
        autoFocus={autoFocus}
        maxLength={5000}
        onFocus={() => setFocused(true)}
        onBlur={() => setTimeout(() => setFocused(false), 150)}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setIndex(0);
        }}
        onSelect={(e) => setCaret((e.target as HTMLTextAreaElement).selectionStart ?? 0)}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setIndex((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
              return;
            }
            if ((e.key === 'Enter' && !e.metaKey && !e.ctrlKey) || e.key === 'Tab') {
              e.preventDefault();
              choose(matches[Math.min(index, matches.length - 1)]!);
              return;
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setDismissedAt(query!.start);
              return;
            }
          }
          // Enter sends (as in every chat and comment box); Shift+Enter is a line break. Not while an
          // input method is composing: its Enter confirms the composition.
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing && onSubmit) {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
          // Keep editor shortcuts (Delete, arrows, Ctrl+Z) away from the canvas while typing.
          e.stopPropagation();
        }}
      />
      {open && (
        <ul className="mention-menu" role="listbox" aria-label="People">
          {matches.map((p, i) => (
            <li key={p.id} role="option" aria-selected={i === index}>
              <button
                type="button"
                className={i === index ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(p);
                }}
                onMouseEnter={() => setIndex(i)}
              >
                <span className="mention-avatar">{initials(p.name)}</span>
                <span className="mention-name">{p.name}</span>
                {p.email && <span className="muted mention-email">{p.email}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** Renders a comment body with @mentions highlighted. */
export { initials };
