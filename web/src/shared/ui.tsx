/** Small shared pieces: badges for statuses and responses, due windows in words, error alerts. */

import { Alert, Badge, Button, Group, List, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueWindowInput } from '../../../src/modules/actions/model';
import { ApiError } from '../api';
import { englishInFull } from '../i18n';
import scrollTable from './ScrollTable.module.css';

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

/**
 * A badge of free text (a unit's name, another name it is written as): on more lines when it is
 * wider than the space it has, never cut.
 */
export const WRAPPING_BADGE = {
  root: {
    height: 'auto',
    minHeight: 'var(--badge-height)',
    maxWidth: '100%',
    flexShrink: 1,
    lineHeight: 1.3,
    paddingBlock: 2,
  },
  label: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
} as const;

export function StatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light" styles={WHOLE}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** An action the matrix says needs nothing done ("N/A as already planned"). */
export function NoActionBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" data-no-action="true" styles={WHOLE}>
      {t('action.noActionNeeded')}
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

/** Codes of the server's error set (src/server/errors.ts) the app explains in the reader's language. */
const ERROR_CODES = new Set([
  'invalid',
  'unauthenticated',
  'not_found',
  'forbidden',
  'conflict',
  'too_large',
  'too_many',
  'unavailable',
  'unsupported',
]);

/**
 * An error as the reader can act on it: titled by what happened (not "something went wrong", kept
 * for real server failures), explained in their language, the server's own words below, and each
 * refused field named as the form names it.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const e = error instanceof ApiError ? error : null;
  // Fields are named with the words of the history, which come with the rest of English: on the
  // first pages (sign-in, catalogue) they are fetched here, and the names follow a moment later.
  const named = Boolean(e && e.details.length > 0);
  useEffect(() => {
    if (named) void englishInFull();
  }, [named]);
  if (!error) return null;
  const code = e ? (ERROR_CODES.has(e.code) ? e.code : null) : error instanceof TypeError ? 'network' : null;
  const own = error instanceof Error ? error.message : String(error);
  // Locale keys are camelCase: "too_many" would read as a plural form of "too".
  const key = code?.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const field = (path: string) => {
    const key =
      path
        .replace(/^(body|query|params)\./, '')
        .split('.')
        .at(-1) ?? path;
    return t(`history.field.${key}`, { defaultValue: key });
  };
  // The server named its message: said in the reader's language when the app knows it.
  const reasonKey = e?.reason && `errors.reason.${e.reason.reason}`;
  const reason = reasonKey && i18n.exists(reasonKey) ? t(reasonKey, e.reason?.params) : null;
  return (
    <Alert
      color="red"
      title={code ? t(`errors.title.${key}`) : t('common.error')}
      role="alert"
      data-code={e?.code}
      data-reason={e?.reason?.reason}
    >
      {reason && <Text size="sm">{reason}</Text>}
      {!reason && code && i18n.language !== 'en' && <Text size="sm">{t(`errors.message.${key}`)}</Text>}
      {!reason && code !== 'network' && (
        <Text size="sm" c={code && i18n.language !== 'en' ? 'dimmed' : undefined}>
          {code && i18n.language !== 'en' ? `${t('errors.server')} ${own}` : own}
        </Text>
      )}
      {code === 'network' && <Text size="sm">{t('errors.message.network')}</Text>}
      {e && e.details.length > 0 && (
        <List size="sm" mt="xs">
          {e.details.map((d) => (
            <List.Item key={`${d.path}-${d.message}`}>
              {field(d.path)}: {d.message}
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

/**
 * A table wider than a phone: it scrolls inside this labelled region (reachable by keyboard), its
 * first column — what each row is — staying in view.
 */
export function ScrollTable({
  label,
  minWidth = 640,
  children,
}: {
  label: string;
  minWidth?: number;
  children: React.ReactNode;
}) {
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1): hence its tab stop.
    <section
      className={scrollTable.region}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      style={{ '--scroll-table-min': `${minWidth}px` } as React.CSSProperties}
    >
      {children}
    </section>
  );
}
