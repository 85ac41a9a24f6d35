/**
 * Follow-up on an evaluation's matrix page: closed or not (with the closing note), closing and
 * reopening, the deadlines as a calendar file, and the reports waiting for validation.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { can } from '../accounts/session';
import { api } from '../api';
import { ErrorAlert, fieldError } from '../shared/ui';
import { ReportsToCheck } from './ReportsToCheck';
import { useFormatMoment } from './shared';

type Rights = ReturnType<typeof can>;

/** The matrix fields follow-up adds (optional until every server has them). */
export interface ClosableEvaluation {
  id: string;
  title: string;
  closedAt?: string | null;
  closedBy?: string | null;
  closingNote?: string | null;
}

/** What the role lets someone do on this evaluation: nothing is edited once it is closed. */
export function evaluationRights(may: Rights, evaluation: ClosableEvaluation | undefined): Rights {
  if (!evaluation?.closedAt) return may;
  return { ...may, edit: false, progress: false };
}

export function MatrixFollowup({ evaluation: e, may }: { evaluation: ClosableEvaluation; may: Rights }) {
  const { t } = useTranslation();
  const moment = useFormatMoment();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const [text, setText] = useState('');
  const closed = Boolean(e.closedAt);
  const change = useMutation({
    mutationFn: () =>
      closed
        ? api(`/evaluations/${e.id}/reopen`, {
            method: 'POST',
            json: text.trim() ? { reason: text.trim() } : {},
          })
        : api(`/evaluations/${e.id}/close`, { method: 'POST', json: { note: text } }),
    onSuccess: async () => {
      setDialog(null);
      setText('');
      await qc.invalidateQueries();
    },
  });
  const openDialog = (which: 'close' | 'reopen') => {
    change.reset();
    setText('');
    setDialog(which);
  };

  return (
    <Stack gap="sm">
      {closed && (
        <Alert
          color="dark"
          variant="light"
          title={t('followup.evaluation.closedTitle', {
            date: moment(e.closedAt!),
            who: e.closedBy ?? '—',
          })}
          data-testid="evaluation-closed"
        >
          <Stack gap="xs">
            {e.closingNote && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{t('followup.evaluation.closingNote')}:</b> {e.closingNote}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('followup.evaluation.closedHint')}
            </Text>
          </Stack>
        </Alert>
      )}
      <Group gap="xs">
        <Button component="a" variant="default" href={`/api/evaluations/${e.id}/deadlines.ics`} download>
          {t('followup.evaluation.ics')}
        </Button>
        {may.edit && !closed && (
          <Button variant="outline" color="dark" onClick={() => openDialog('close')}>
            {t('followup.evaluation.close')}
          </Button>
        )}
        {may.edit && closed && (
          <Button variant="outline" onClick={() => openDialog('reopen')}>
            {t('followup.evaluation.reopen')}
          </Button>
        )}
      </Group>
      {!closed && <ReportsToCheck evaluationId={e.id} headingOrder={3} hideWhenEmpty />}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'reopen' ? t('followup.evaluation.reopen') : t('followup.evaluation.close')}
      >
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            change.mutate();
          }}
        >
          <Stack>
            <Text size="sm">
              {dialog === 'reopen'
                ? t('followup.evaluation.reopenIntro', { title: e.title })
                : t('followup.evaluation.closeIntro', { title: e.title })}
            </Text>
            <Textarea
              label={
                dialog === 'reopen' ? t('followup.evaluation.reason') : t('followup.evaluation.closingNote')
              }
              autosize
              minRows={3}
              value={text}
              onChange={(ev) => setText(ev.currentTarget.value)}
              error={fieldError(change.error, dialog === 'reopen' ? 'reason' : 'note')}
              required={dialog === 'close'}
              data-autofocus
            />
            <ErrorAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {dialog === 'reopen'
                  ? t('followup.evaluation.reopenSure')
                  : t('followup.evaluation.closeSure')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
