import { isRegistrar, managedUnit } from '../../domain/caller';
import { STATES, KINDS } from '../../domain/items/vocabulary';
import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { Choice, DateText, DaysLeft, ErrorSummary, ItemLink, Select, TextField } from './components';
import { ATTENTION_LABELS, decisionReference, kindLabel, STATE_FILTER_LABELS, STATE_LABELS } from './format';
import { sortParam, type SortKey } from '../../application/items/query';
import { LIST_FIELDS } from './forms';
import type { FormValues, ItemListModel, ListField, Sort } from './models';

const LIST_LABELS: Record<ListField, string> = {
  q: 'Sök i rubrik och diarienummer',
  state: 'Status',
  kind: 'Typ',
  unit: 'Enhet',
  responsible: 'Ansvarig e-post',
  dueAfter: 'Tidsfrist efter',
  dueBefore: 'Tidsfrist före',
  attention: 'Behöver åtgärd',
};

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Rubrik' },
  { key: 'kind', label: 'Typ' },
  { key: 'unit', label: 'Enhet' },
  { key: 'responsible', label: 'Ansvarig' },
  { key: 'due', label: 'Tidsfrist' },
];

/**
 * A link to the list with the same filters as typed, and the sort, cursor or download asked for.
 * The filters come from the form's values, so a link never says more than the person asked.
 */
export function listHref(values: FormValues<ListField>, extra: { sort?: Sort; cursor?: string; format?: 'csv' | 'xlsx' } = {}): string {
  const params = new URLSearchParams();
  for (const field of LIST_FIELDS) {
    const value = values[field]?.trim();
    if (value) params.set(field, value);
  }
  if (extra.sort && !(extra.sort.key === 'due' && extra.sort.direction === 'ascending')) params.set('sort', sortParam(extra.sort));
  if (extra.cursor) params.set('cursor', extra.cursor);
  if (extra.format) params.set('format', extra.format);
  const query = params.toString();
  return query ? `${WORKSPACE_PATHS.items}?${query}` : WORKSPACE_PATHS.items;
}

/** Clicking a column sorts by it; clicking the sorted column again turns the order around. */
const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' };

/**
 * Ärenden: a GET filter form, a table sorted by its column links (`aria-sort` on the sorted
 * column), "Nästa sida" with the cursor, and the same list as CSV or Excel. The items come in the
 * order the list use case sorted them (`listItems`, `sort`).
 */
export function itemListPage(model: ItemListModel): string {
  const { filters, sort, items } = model;
  const values = filters.values;
  const sortedBy = COLUMNS.find((column) => column.key === sort.key)!;
  // Only what the viewer may choose: a registrar any unit and official; a manager the officials of their own unit;
  // an official neither (their list is their own items).
  const registrar = isRegistrar(model.viewer);
  const byResponsible = registrar || managedUnit(model.viewer) !== undefined;
  return renderPage(
    <Layout title="Ärenden" context={model} current="items">
      <form method="get" action={WORKSPACE_PATHS.items} noValidate class="form-box stack" aria-label="Filtrera ärenden">
        <ErrorSummary errors={filters.errors} order={LIST_FIELDS} labels={LIST_LABELS} />
        <TextField name="q" label={LIST_LABELS.q} type="search" value={values.q} error={filters.errors?.q} />
        <div class="field-row">
          <Select
            name="state"
            label={LIST_LABELS.state}
            value={values.state}
            error={filters.errors?.state}
            options={[{ value: '', label: 'Alla' }, ...STATES.map((state) => ({ value: state, label: STATE_FILTER_LABELS[state] }))]}
          />
          <Select
            name="kind"
            label={LIST_LABELS.kind}
            value={values.kind}
            error={filters.errors?.kind}
            options={[{ value: '', label: 'Alla' }, ...KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))]}
          />
          {registrar && <TextField name="unit" label={LIST_LABELS.unit} value={values.unit} error={filters.errors?.unit} list="enheter" />}
          {byResponsible && <TextField name="responsible" label={LIST_LABELS.responsible} type="email" value={values.responsible} error={filters.errors?.responsible} />}
          <TextField name="dueAfter" label={LIST_LABELS.dueAfter} type="date" value={values.dueAfter} error={filters.errors?.dueAfter} />
          <TextField name="dueBefore" label={LIST_LABELS.dueBefore} type="date" value={values.dueBefore} error={filters.errors?.dueBefore} />
        </div>
        {registrar && (
          <datalist id="enheter">
            {model.units.map((unit) => (
              <option key={unit} value={unit} />
            ))}
          </datalist>
        )}
        <Choice type="checkbox" name="attention" id="attention" value="any" label={LIST_LABELS.attention} checked={values.attention === 'any'} />
        {sort.key !== 'due' || sort.direction !== 'ascending' ? <input type="hidden" name="sort" value={sortParam(sort)} /> : null}
        <div class="buttons">
          <button type="submit" class="ds-button">
            Visa
          </button>
          <a class="ds-link" href={WORKSPACE_PATHS.items}>
            Rensa filtret
          </a>
        </div>
      </form>

      <section aria-labelledby="traffar">
        <h2 id="traffar" class="ds-heading" data-size="sm">
          {items.length === 0 ? 'Inga ärenden' : `${items.length === 1 ? '1 ärende' : `${items.length} ärenden`}${model.nextCursor || model.paged ? ' på den här sidan' : ''}`}
        </h2>
        {items.length === 0 ? (
          <>
            <p>Inga ärenden matchar filtret.</p>
            {model.similarUnits?.length ? (
              <p>
                Ingen enhet i enhetskatalogen heter ”{values.unit?.trim()}”. Menade du{' '}
                {model.similarUnits.map((unit, i) => (
                  <span key={unit}>
                    {i > 0 && (i === model.similarUnits!.length - 1 ? ' eller ' : ', ')}
                    <a href={listHref({ ...values, unit })}>{unit}</a>
                    {i === model.similarUnits!.length - 1 && '?'}
                  </span>
                ))}
              </p>
            ) : null}
          </>
        ) : (
          <>
            <p class="sort-bar">
              Sortera efter:{' '}
              {COLUMNS.map((column, i) => (
                <span key={column.key}>
                  {i > 0 && ', '}
                  <a href={listHref(values, { sort: nextSort(sort, column.key) })} aria-current={column.key === sort.key ? 'true' : undefined}>
                    {column.label}
                  </a>
                </span>
              ))}
            </p>
            <div class="table-wrap">
              <table class="ds-table stack-table" data-border data-size="sm">
                <caption class="ds-sr-only">
                  Ärenden sorterade efter {sortedBy.label.toLowerCase()}, {sort.direction === 'ascending' ? 'stigande' : 'fallande'}
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((column) => (
                      <th key={column.key} scope="col" class={`col-${column.key}`} aria-sort={column.key === sort.key ? sort.direction : 'none'}>
                        <a class="sort-link" href={listHref(values, { sort: nextSort(sort, column.key) })}>
                          {column.label}
                        </a>
                      </th>
                    ))}
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td data-label="Rubrik">
                        <ItemLink item={item} />
                        <br />
                        <span class="hint">{decisionReference(item)}</span>
                      </td>
                      <td data-label="Typ">{kindLabel(item.kind)}</td>
                      <td data-label="Enhet">{item.unit}</td>
                      <td data-label="Ansvarig">{item.responsible.name}</td>
                      <td data-label="Tidsfrist">
                        <DateText date={item.dueDate} />
                        <br />
                        <DaysLeft item={item} />
                      </td>
                      <td data-label="Status">
                        {STATE_LABELS[item.state]}
                        {item.attention && (
                          <>
                            <br />
                            <span class="ds-tag" data-color="warning">
                              {ATTENTION_LABELS[item.attention]}
                            </span>
                          </>
                        )}
                        {item.extensionRequest && (
                          <>
                            <br />
                            <span class="ds-tag" data-color="info">
                              Förlängning begärd
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {(model.paged || model.nextCursor) && (
          <nav class="pager" aria-label="Sidor">
            {model.paged && <a href={listHref(values, { sort })}>Till första sidan</a>}
            {model.nextCursor && (
              <a class="ds-button" data-variant="secondary" href={listHref(values, { sort, cursor: model.nextCursor })}>
                Nästa sida
              </a>
            )}
          </nav>
        )}
        <ul class="exports">
          <li>
            <a href={listHref(values, { sort, format: 'csv' })}>Ladda ner som CSV</a>
          </li>
          <li>
            <a href={listHref(values, { sort, format: 'xlsx' })}>Ladda ner som Excel (XLSX)</a>
          </li>
        </ul>
      </section>
    </Layout>,
  );
}
