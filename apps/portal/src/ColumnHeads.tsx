import { useText } from './i18n';
import type { TextKey } from './i18n';

/** A table's header row: one column heading per text key, in the current language. */
export function ColumnHeads(props: { columns: readonly TextKey[] }) {
  const t = useText();
  return (
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th scope="col" key={column}>
            {t(column)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
