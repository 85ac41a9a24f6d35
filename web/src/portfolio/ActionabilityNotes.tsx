/**
 * What keeps a recommendation's response from being followed — a key action without a linked unit
 * or a due date, an accepted recommendation without a key action or answered "N/A", a rejection
 * without a reason — said next to it, so the office can send it back before it is signed.
 */
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionabilityGaps } from '../../../src/modules/portfolio/model';

type Rec = Parameters<typeof actionabilityGaps>[0][number] & {
  number: string;
  actions: (Parameters<typeof actionabilityGaps>[0][number]['actions'][number] & { number: string })[];
};

export function ActionabilityNotes({ rec }: { rec: Rec }) {
  const { t } = useTranslation();
  const gaps = actionabilityGaps([rec]);
  if (gaps.length === 0) return null;
  const actionOf = (path: string) => {
    const j = /\.actions\.(\d+)\./.exec(path)?.[1];
    return j === undefined ? null : rec.actions[Number(j)]?.number;
  };
  return (
    <Alert color="yellow" variant="light" mt="xs" title={t('actionability.title')} data-gaps={gaps.length}>
      <List size="sm">
        {gaps.map((g) => (
          <List.Item key={`${g.kind}-${g.path}`}>
            {t(`actionability.kinds.${g.kind}`, { n: actionOf(g.path) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
