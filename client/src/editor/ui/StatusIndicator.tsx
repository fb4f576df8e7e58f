import { useEffect, useState } from 'react';
import type { SaveState } from '../engine/session.js';
import { useEditor, useEditorState } from './context.js';

/** How long "saved" must hold before the label says so. */
const SAVED_SETTLE_MS = 400;

/**
 * The save state as shown: "Saving…" at once, "All changes saved" only once it has held for a
 * moment. A drag streams ~30 edits a second and each is acknowledged before the next, so the label
 * (and the top bar's layout) would flip on every frame of it. Never claims saved early, only late.
 */
function useSteadySave(save: SaveState): SaveState {
  const [shown, setShown] = useState(save);
  useEffect(() => {
    if (save !== 'saved') return setShown(save);
    const timer = setTimeout(() => setShown('saved'), SAVED_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [save]);
  return save === 'saved' ? shown : save;
}

const LABELS = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
} as const;

export function StatusIndicator() {
  const { editor } = useEditor();
  const connection = useEditorState((s) => s.connection);
  const save = useSteadySave(useEditorState((s) => s.save));
  // A read-only connection never saves anything: say what it is instead.
  const saveText = !editor.canEdit
    ? connection === 'connected'
      ? 'Live view'
      : 'Waiting to reconnect'
    : save === 'saved'
      ? connection === 'connected'
        ? 'All changes saved'
        : connection === 'connecting'
          ? 'Loading…'
          : 'No unsaved changes'
      : save === 'saving'
        ? 'Saving…'
        : 'Edits kept on this device';
  return (
    <div className="status" data-testid="status" data-connection={connection} data-save={save}>
      <span className={`status-dot status-${connection}`} aria-hidden="true" />
      <span className="status-conn" data-testid="connection-status">
        {LABELS[connection]}
      </span>
      <span className="status-sep" aria-hidden="true">
        ·
      </span>
      <span className="status-save" data-testid="save-status">
        {saveText}
      </span>
    </div>
  );
}
