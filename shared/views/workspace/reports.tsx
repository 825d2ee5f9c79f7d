import { KINDS } from '../../domain/items/vocabulary';
import { Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { ErrorSummary, Select, TextField } from './components';
import { kindLabel } from './format';
import type { FormState, FormValues, PageContext } from './models';

/**
 * Rapporter: the council reports a registrar takes out for an agenda or an audit, each a GET form
 * that opens the report's printable page (`GET /rapporter/<report>`) or, by its other buttons
 * (`format=csv|xlsx`), the same report as CSV or Excel for what is typed in the form. A wrong
 * parameter comes back here, beside its field.
 */

/** The three reports and, in page order, the fields of each (the API's parameter names). */
export const REPORT_FIELDS = {
  balanslista: ['asOf'],
  verkstallighet: ['body', 'asOf'],
  statistik: ['from', 'to', 'body', 'unit', 'kind'],
} as const;
export type ReportName = keyof typeof REPORT_FIELDS;
export type ReportField<N extends ReportName> = (typeof REPORT_FIELDS)[N][number];
export type AnyReportField = ReportField<ReportName>;

/** Each field as the form labels it, and as its messages name it. */
export const REPORT_LABELS: Record<AnyReportField, string> = {
  asOf: 'Per datum',
  body: 'Organ',
  from: 'Från',
  to: 'Till',
  unit: 'Enhet',
  kind: 'Typ',
};

export interface ReportsModel extends PageContext {
  /** Each report's form: its values (the defaults, or as typed) and what is wrong with them. */
  forms: { [N in ReportName]: FormState<ReportField<N>> };
  /** Suggestions for Organ and Enhet: the bodies with a meeting plan, the units in the directory. */
  bodies: string[];
  units: string[];
}

/** The report's address with these values (blank ones left out), and `format` for a download. */
export function reportHref<N extends ReportName>(name: N, values: FormValues<ReportField<N>>, format?: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const field of REPORT_FIELDS[name] as readonly ReportField<N>[]) {
    const value = values[field]?.trim();
    if (value) params.set(field, value);
  }
  if (format) params.set('format', format);
  const query = params.toString();
  return query ? `${WORKSPACE_PATHS.report(name)}?${query}` : WORKSPACE_PATHS.report(name);
}

interface ReportFormProps<N extends ReportName> {
  name: N;
  heading: string;
  about: string;
  form: FormState<ReportField<N>>;
  children: (field: (name: ReportField<N>) => { id: string; name: ReportField<N>; label: string; value: string | undefined; error: string | undefined }) => preact.ComponentChildren;
}

/** One report's form in its own box: what the report is, its fields, "Visa rapporten" and the downloads, all sending what is typed. */
function ReportForm<N extends ReportName>({ name, heading, about, form, children }: ReportFormProps<N>) {
  const fields = REPORT_FIELDS[name] as readonly ReportField<N>[];
  const field = (field: ReportField<N>) => ({ id: `${name}-${field}`, name: field, label: REPORT_LABELS[field], value: form.values[field], error: form.errors?.[field] });
  const labels = Object.fromEntries(fields.map((f) => [f, REPORT_LABELS[f]])) as Record<ReportField<N>, string>;
  return (
    <section class="form-box stack" aria-labelledby={`${name}-rubrik`}>
      <h2 id={`${name}-rubrik`} class="form-title">
        {heading}
      </h2>
      <p>{about}</p>
      <form method="get" action={WORKSPACE_PATHS.report(name)} noValidate class="stack" aria-labelledby={`${name}-rubrik`}>
        <ErrorSummary errors={form.errors} order={fields} labels={labels} idPrefix={`${name}-`} />
        <div class="field-row">{children(field)}</div>
        <div class="buttons">
          <button type="submit" class="ds-button">
            Visa rapporten
          </button>
          <button type="submit" name="format" value="csv" class="ds-button" data-variant="secondary">
            Ladda ner som CSV
          </button>
          <button type="submit" name="format" value="xlsx" class="ds-button" data-variant="secondary">
            Ladda ner som Excel (XLSX)
          </button>
        </div>
      </form>
    </section>
  );
}

export function reportsPage(model: ReportsModel): string {
  const { forms } = model;
  return renderPage(
    <Layout title="Rapporter" context={model} current="reports" lead="Rapporterna öppnas som sidor att skriva ut eller bifoga en kallelse. Samma uppgifter kan laddas ner som CSV eller Excel.">
      <ReportForm
        name="balanslista"
        heading="Obesvarade motioner (balanslista)"
        about="Motioner som ännu inte är besvarade, med ettårsgränsen enligt kommunallagen och den senaste lägesrapporten. Motioner som passerat gränsen eller har högst 60 dagar kvar markeras."
        form={forms.balanslista}
      >
        {(field) => <TextField {...field('asOf')} type="date" hint="Dagarna kvar räknas från det här datumet." />}
      </ReportForm>
      <ReportForm
        name="verkstallighet"
        heading="Uppföljning av ett organs beslut (verkställighet)"
        about="Alla pågående ärenden som organet har beslutat, med ansvarig, tidsfrist, ändrade tidsfrister och den senaste lägesrapporten."
        form={forms.verkstallighet}
      >
        {(field) => (
          <>
            <TextField {...field('body')} required list="rapport-organ" hint="Förkortningen, t.ex. KS eller BUN." />
            <TextField {...field('asOf')} type="date" />
          </>
        )}
      </ReportForm>
      <ReportForm
        name="statistik"
        heading="Statistik över verkställighet"
        about="Hur besluten under perioden har verkställts: klara i tid, klara för sent, avbrutna, pågående och försenade, med diagram. Ett beslut räknas efter beslutsdatum."
        form={forms.statistik}
      >
        {(field) => (
          <>
            <TextField {...field('from')} type="date" required />
            <TextField {...field('to')} type="date" required />
            <TextField {...field('body')} list="rapport-organ" hint="Frivilligt." />
            <TextField {...field('unit')} list="rapport-enheter" hint="Frivilligt." />
            <Select {...field('kind')} options={[{ value: '', label: 'Alla' }, ...KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))]} />
          </>
        )}
      </ReportForm>
      <datalist id="rapport-organ">
        {model.bodies.map((body) => (
          <option key={body} value={body} />
        ))}
      </datalist>
      <datalist id="rapport-enheter">
        {model.units.map((unit) => (
          <option key={unit} value={unit} />
        ))}
      </datalist>
    </Layout>,
  );
}
