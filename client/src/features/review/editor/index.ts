/** The review workflow inside the editor: provider, top-bar controls, banner, canvas pins, drawer, export gate. */
export { EditorWorkflow } from './EditorWorkflow.js';
export { useEditorWorkflow, type EditorWorkflowValue, type WorkflowPanel } from './context.js';
export { ReviewBar, WorkflowActions, WorkflowStatus, StatusPill } from './ReviewControls.js';
export { ReviewBanner } from './ReviewBanner.js';
export { CommentLayer } from './CommentLayer.js';
export { WorkflowDrawer } from './WorkflowDrawer.js';
export { checkExport, copyEmailSignatureHtml, downloadEmailSignatureHtml, type ExportCheck, type ExportFormat } from './export-gate.js';
