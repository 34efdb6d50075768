import type { FieldCompletion } from '../processes/process-task.service';
import type { AttachmentService } from './attachment.service';
import { viewerOf } from './attachment-access';

/** The form field type a diagram declares for documents handed in with a task (camunda:formField type="attachments"). */
export const ATTACHMENTS_FIELD_TYPE = 'attachments';

/**
 * Completing a task with an `attachments` field: the answer is a list of attachment ids (its
 * shape checked by the form's validation), each one the person completing may see; they join the
 * ticket the instance works on, in the completion's transaction.
 */
export const attachmentsFieldCompletion =
  (attachments: AttachmentService): FieldCompletion =>
  async (em, answer) => {
    const ids = Array.isArray(answer.value) ? answer.value.filter((id): id is string => typeof id === 'string') : [];
    // An optional field left empty attaches nothing.
    if (ids.length === 0) return;
    await attachments.completeFormField(em, {
      viewer: viewerOf(answer.ctx.actor, answer.actor),
      ticketId: answer.task.ticketId,
      fieldId: answer.fieldId,
      ids,
    });
  };
