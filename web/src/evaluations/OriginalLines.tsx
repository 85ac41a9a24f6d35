/**
 * Lines of the original as read: rows of a Word table (or tab-separated cells of a text) as a
 * table, cells as written with their line breaks; other lines as paragraphs.
 */
import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceLine } from '../../../src/modules/evaluations/model';
import { lineBlocks } from './originalModel';

const CELL = {
  border: '1px solid var(--mantine-color-gray-4)',
  padding: '4px 6px',
  verticalAlign: 'top',
  whiteSpace: 'pre-wrap',
  minWidth: '7rem',
  overflowWrap: 'anywhere',
} as const;

export function OriginalLines({ lines }: { lines: SourceLine[] }) {
  const { t } = useTranslation();
  const blocks = useMemo(() => lineBlocks(lines), [lines]);
  return (
    <Stack gap="xs" fz="sm" data-original="lines">
      {blocks.map((b) => {
        if (b.kind === 'paragraph') {
          return (
            <Text key={b.start} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {b.text}
            </Text>
          );
        }
        const width = Math.max(...b.rows.map((r) => r.length));
        const label = b.table ? t('original.table', { n: b.table }) : t('original.cells');
        return (
          // A wide table scrolls in its own box, reachable by keyboard, never the page.
          <figure
            key={b.start}
            style={{ overflowX: 'auto', maxWidth: '100%', margin: 0 }}
            aria-label={label}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable by keyboard
            tabIndex={0}
          >
            <table style={{ borderCollapse: 'collapse', fontSize: 'var(--mantine-font-size-xs)' }}>
              <tbody>
                {b.rows.map((cells, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the lines never move
                  <tr key={r}>
                    {cells.map((c, j) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: the cells never move
                        key={j}
                        style={CELL}
                        colSpan={j === cells.length - 1 && cells.length < width ? width - j : undefined}
                      >
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </Stack>
  );
}
