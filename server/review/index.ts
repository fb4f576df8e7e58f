export { ReviewService, type Reviewer, type ReviewEvent } from './service.js';
export { VersionService, applyDesign, type VersionSummary } from './versions.js';
export { CommentService, NewCommentSchema, findMentions, type Comment } from './comments.js';
export { NotificationService, type Notification } from './notifications.js';
export { diffDesigns, ChangeTracker, type ChangesByPerson } from './changes.js';
export { reviewRecorder, exportRecorder, type ExportRecord } from './records.js';
