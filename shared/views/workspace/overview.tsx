import type { ComponentChildren } from 'preact';
import { MOTION_WARNING_DAYS } from '../../application/reports/queries';
import { CsrfField, Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { DateText, DaysLeft, ItemFacts, ItemLink, TextArea, TextField } from './components';
import { attentionText, decisionReference, instant, kindLabel, laterDeadlineWarning } from './format';
import type { ItemFormName, OverviewModel, WorkspaceItem } from './models';

/** A section of the overview: its heading names how many, and an empty one says so briefly. */
function Section({ id, title, items, empty, children }: { id: string; title: string; items: WorkspaceItem[]; empty: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id} class="ds-heading" data-size="sm">
        {title} ({items.length})
      </h2>
      {items.length === 0 ? <p class="muted">{empty}</p> : children}
    </section>
  );
}

/** A small form on the overview that changes one item; it posts to the item and comes back here. */
function ItemForm({ item, action, csrf, title, children, button, variant }: { item: WorkspaceItem; action: ItemFormName; csrf: string; title: string; children: ComponentChildren; button: string; variant?: 'secondary' }) {
  return (
    <form method="post" action={WORKSPACE_PATHS.item(item.id)} noValidate>
      <CsrfField token={csrf} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={String(item.version)} />
      <input type="hidden" name="returnTo" value={WORKSPACE_PATHS.overview} />
      <p class="form-title">{title}</p>
      {children}
      <button type="submit" class="ds-button" data-variant={variant} data-size="sm">
        {button}
      </button>
    </form>
  );
}

function ItemCard({ item, children }: { item: WorkspaceItem; children?: ComponentChildren }) {
  return (
    <li>
      <article class="ds-card" aria-labelledby={`rubrik-${item.id}`}>
        <h3 class="card-title" id={`rubrik-${item.id}`}>
          <ItemLink item={item} />
        </h3>
        <ItemFacts item={item} />
        {children}
      </article>
    </li>
  );
}

/** A compact table of items for the sections that only need a look and a click. */
/** `extra.action`: the column is a link to act on, left out of print (a printed link does nothing). */
function ItemTable({ items, caption, extra }: { items: WorkspaceItem[]; caption: string; extra?: { label: string; cell: (item: WorkspaceItem) => ComponentChildren; action?: boolean } }) {
  return (
    <div class="table-wrap">
      <table class="ds-table stack-table" data-border data-size="sm">
        <caption class="ds-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Enhet</th>
            <th scope="col">Tidsfrist</th>
            {extra && <th scope="col" class={extra.action ? 'no-print' : undefined}>{extra.label}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td data-label="Ärende">
                <ItemLink item={item} />
                <br />
                <span class="hint">
                  {kindLabel(item.kind)}, {decisionReference(item)}
                </span>
              </td>
              <td data-label="Ansvarig">{item.responsible.name}</td>
              <td data-label="Enhet">{item.unit}</td>
              <td data-label="Tidsfrist">
                <DateText date={item.dueDate} />
                <br />
                <DaysLeft item={item} />
              </td>
              {extra && <td data-label={extra.label} class={extra.action ? 'no-print' : undefined}>{extra.cell(item)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Översikt: what needs the registrar now, each with its action one click away: requests for a
 * later deadline (grant with a date and a reason, or refuse with a reason), "inte mitt ärende"
 * (a new responsible official), items flagged for a clerk, overdue items, items whose escalation
 * reaches no manager, and motions near their statutory limit.
 */
export function overviewPage(model: OverviewModel): string {
  const { csrf } = model;
  const idOf = (form: string, item: WorkspaceItem, field: string) => `${form}-${item.id}-${field}`;
  return renderPage(
    <Layout title="Översikt" context={model} current="overview" lead="Det här behöver en registrator ta ställning till nu.">
      <Section id="forlangning" title="Begäran om förlängning" items={model.extensionRequests} empty="Ingen har begärt förlängning.">
        <ul class="cards">
          {model.extensionRequests.map((item) => (
            <ItemCard key={item.id} item={item}>
              {item.extensionRequest && (
                <p>
                  <strong>
                    Begärd ny tidsfrist <DateText date={item.extensionRequest.date} />
                  </strong>{' '}
                  ({item.extensionRequest.by}, {instant(item.extensionRequest.at)}): {item.extensionRequest.reason}
                </p>
              )}
              <div class="inline-forms">
                <ItemForm item={item} action="grant" csrf={csrf} title="Bevilja" button="Bevilja förlängning">
                  <TextField name="dueDate" id={idOf('bevilja', item, 'dueDate')} label="Ny tidsfrist" type="date" value={item.extensionRequest?.date} hint={laterDeadlineWarning(item)} />
                  <TextArea name="reason" id={idOf('bevilja', item, 'reason')} label="Skäl" rows={2} hint="T.ex. vem som beviljade och när." />
                </ItemForm>
                <ItemForm item={item} action="refuse" csrf={csrf} title="Avslå" button="Avslå begäran" variant="secondary">
                  <TextArea name="reason" id={idOf('avsla', item, 'reason')} label="Skäl" rows={2} hint="Handläggaren får skälet i sitt nästa mejl." />
                </ItemForm>
              </div>
            </ItemCard>
          ))}
        </ul>
      </Section>

      <Section id="inte-mitt" title="Inte mitt ärende" items={model.reassignRequests} empty="Ingen har sagt att ett ärende inte är deras.">
        <ul class="cards">
          {model.reassignRequests.map((item) => (
            <ItemCard key={item.id} item={item}>
              {item.reassignRequest && (
                <p>
                  <strong>{item.reassignRequest.by}</strong> säger att ärendet inte är deras ({instant(item.reassignRequest.at)})
                  {item.reassignRequest.note ? `: ${item.reassignRequest.note}` : '.'}
                </p>
              )}
              <div class="inline-forms">
                <ItemForm item={item} action="reassign" csrf={csrf} title="Byt ansvarig" button="Byt ansvarig">
                  <TextField name="responsibleName" id={idOf('byt', item, 'responsibleName')} label="Ny ansvarig (namn)" />
                  <TextField name="responsibleEmail" id={idOf('byt', item, 'responsibleEmail')} label="Ny ansvarig (e-post)" type="email" />
                </ItemForm>
              </div>
            </ItemCard>
          ))}
        </ul>
      </Section>

      <Section id="atgard" title="Behöver åtgärd" items={model.attention} empty="Inga ärenden är flaggade.">
        <ul class="cards">
          {model.attention.map((item) => (
            <ItemCard key={item.id} item={item}>
              <div class="ds-alert" data-color="warning">
                <p>{attentionText(item)}</p>
              </div>
              <p>
                <a href={`${WORKSPACE_PATHS.item(item.id)}#andra`}>Ändra tidsfristen för "{item.title}"</a>
              </p>
            </ItemCard>
          ))}
        </ul>
      </Section>

      <Section id="forsenade" title="Försenade" items={model.overdue} empty="Inga ärenden är försenade.">
        <ItemTable items={model.overdue} caption="Försenade ärenden, mest försenade först" />
      </Section>

      <Section id="utan-chef" title="Utan chef att eskalera till" items={model.noManager} empty="Alla öppna ärenden har en chef att eskalera till.">
        <p>Ingen chef finns på ärendet eller för enheten, så ingen påminns när ärendet blir försenat.</p>
        <ItemTable
          items={model.noManager}
          caption="Ärenden utan chef"
          extra={{ label: 'Åtgärd', action: true, cell: (item) => <a href={`${WORKSPACE_PATHS.item(item.id)}#andra`}>Ange chef</a> }}
        />
      </Section>

      <Section id="motioner" title={`Motioner inom ${MOTION_WARNING_DAYS} dagar från tidsgränsen`} items={model.motionsNearLimit} empty={`Ingen motion är inom ${MOTION_WARNING_DAYS} dagar från sin tidsgräns.`}>
        <ItemTable
          items={model.motionsNearLimit}
          caption="Motioner nära tidsgränsen"
          extra={{ label: 'Ska vara besvarad', cell: (item) => (item.statutoryLimit ? <DateText date={item.statutoryLimit} /> : '–') }}
        />
      </Section>
    </Layout>,
  );
}
