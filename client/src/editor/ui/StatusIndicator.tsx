import { useEditor, useEditorState } from './context.js';

const LABELS = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
} as const;

export function StatusIndicator() {
  const { editor } = useEditor();
  const connection = useEditorState((s) => s.connection);
  const save = useEditorState((s) => s.save);
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
