/**
 * Fields beside their original: side by side on a wide screen; on a narrow one the original goes
 * above the fields, folded until asked for (so a phone draws no page nobody looks at).
 */
import { Button, Grid, Stack, Text } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOriginal } from './Original';

export function OriginalBeside({
  wide,
  pages,
  fields,
  children,
}: {
  /** A screen wide enough for both side by side. */
  wide: boolean;
  /** The pages of the original shown (PDF), to say which on the folded button. */
  pages: number[];
  fields: ReactNode;
  /** The original. */
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { kind } = useOriginal();
  const [open, setOpen] = useState(false);
  const id = useId();
  const title = (
    <Text size="sm" fw={600} c="dimmed">
      {t('original.title')}
    </Text>
  );

  if (wide) {
    return (
      <Grid>
        <Grid.Col span={6}>{fields}</Grid.Col>
        <Grid.Col span={6}>
          <Stack gap={4}>
            {title}
            {children}
          </Stack>
        </Grid.Col>
      </Grid>
    );
  }

  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(pages.map(String));
  const label =
    kind === 'pdf' && pages.length > 0
      ? t('original.showPages', { count: pages.length, pages: list })
      : t('original.show');
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        size="xs"
        justify="flex-start"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        styles={{
          root: { height: 'auto', minHeight: 30 },
          label: { whiteSpace: 'normal', textAlign: 'left' },
        }}
      >
        {open ? t('original.hide') : label}
      </Button>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
      {fields}
    </Stack>
  );
}
