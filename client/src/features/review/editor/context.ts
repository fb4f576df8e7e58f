/** The review workflow's state inside the editor (status, review mode, comments, panels), shared by the top bar, the canvas layer and the drawer. */
import { createContext, useContext } from 'react';
import type { DesignInfo, User } from '../../../api.js';
import type { Comment, DesignStatus, ReviewEntry } from '../api.js';
import type { Person } from './mentions.js';
import type { Thread } from './pins.js';

export type WorkflowPanel = 'comments' | 'history';

export interface EditorWorkflowValue {
  designId: string;
  info: DesignInfo;
  user: User;
  status: DesignStatus;
  setStatus(status: DesignStatus): void;
  /** Opened from the review queue (`?review=1`). */
  reviewing: boolean;
  /** I may edit this design (the server's access), whatever the current mode. */
  mayEdit: boolean;
  /** Review mode keeps the canvas read-only until I choose to edit. */
  readOnly: boolean;
  setEditing(on: boolean): void;
  /** Brand manager or admin. */
  isReviewer: boolean;

  panel: WorkflowPanel | null;
  openPanel(panel: WorkflowPanel | null): void;

  comments: Comment[];
  threads: Thread[];
  commentsLoaded: boolean;
  reloadComments(): Promise<void>;
  activeThread: string | null;
  setActiveThread(id: string | null): void;
  commentMode: boolean;
  setCommentMode(on: boolean): void;
  showResolved: boolean;
  setShowResolved(on: boolean): void;
  people: Person[];

  reviews: ReviewEntry[];
  reloadReviews(): Promise<void>;
  /** Bumped when something happened that may have made a version (status change, restore). */
  versionsEpoch: number;
  bumpVersions(): void;
}

export const EditorWorkflowContext = createContext<EditorWorkflowValue | null>(null);

/** The workflow state, or null outside the editor's workflow provider. */
export function useEditorWorkflow(): EditorWorkflowValue | null {
  return useContext(EditorWorkflowContext);
}

export function useWorkflow(): EditorWorkflowValue {
  const v = useContext(EditorWorkflowContext);
  if (!v) throw new Error('useWorkflow outside EditorWorkflow');
  return v;
}
