/** Small shared pieces: badges for statuses and responses, due windows in words, error alerts. */
import { Alert, Badge, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueWindowInput } from '../../../src/modules/actions/model';
import { ApiError } from '../api';

const STATUS_COLOURS: Record<string, string> = {
  not_initiated: 'gray',
  initiated: 'blue',
  open: 'blue',
  completed: 'green',
  no_longer_applicable: 'dark',
  discarded: 'dark',
};

/** Badges show their whole label: a cut "NOT INITI…" hides the status. */
const WHOLE = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

export function StatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light" styles={WHOLE}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? (
    <Badge color="red" variant="filled" data-overdue="true" styles={WHOLE}>
      {t('action.overdue')}
    </Badge>
  ) : null;
}

export function ResponseBadge({ response }: { response: string | null }) {
  const { t } = useTranslation();
  const colour =
    response === 'accepted'
      ? 'green'
      : response === 'partially_accepted'
        ? 'yellow'
        : response === 'rejected'
          ? 'red'
          : 'gray';
  return (
    <Badge color={colour} variant="outline">
      {response ? t(`response.${response}`) : t('response.none')}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={priority === 1 ? 'red' : priority === 2 ? 'orange' : priority === 3 ? 'yellow' : 'gray'}
      variant="light"
    >
      {priority ? t('recommendation.priorityN', { n: priority }) : t('recommendation.noPriority')}
    </Badge>
  );
}

export function useFormatDate() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (iso: string) => fmt.format(new Date(`${iso}T00:00:00Z`));
}

export function DueText({ due }: { due: DueWindowInput | null }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  if (!due)
    return (
      <Text size="sm" c="dimmed">
        {t('action.noDue')}
      </Text>
    );
  const text = due.from ? `${date(due.from)} – ${date(due.to)}` : t('action.dueBy', { date: date(due.to) });
  return (
    <Text size="sm" title={due.inferred ? t('action.inferredHint') : undefined}>
      {text}
      {due.inferred ? ` (${t('action.inferred')})` : ''}
    </Text>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <Alert color="red" title={t('common.error')} role="alert">
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {e && e.details.length > 0 && (
        <List size="sm" mt="xs">
          {e.details.map((d) => (
            <List.Item key={`${d.path}-${d.message}`}>
              {d.path}: {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The message for one field, from an ApiError's details ("body.due.to" matches "due.to"). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => d.path === field || d.path.endsWith(`.${field}`))?.message;
}

/** The Cancel and Save buttons at the foot of every edit dialog. */
export function FormButtons({
  onCancel,
  onSave,
  saving,
}: {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button onClick={onSave} loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
