/** @jsxImportSource preact */
import { swedishDate } from '../../domain/dates';
import { dayMonthYear } from '../../application/reports/reports';
import type { PublicBodyView, PublicItem } from '../../domain/reports/public';
import { reportDocument } from './report-document';

/**
 * The public page's content (inside the page shell's `<main>`): what the body has decided and how
 * the work stands, in plain Swedish for residents. One card a item, so it reads on a phone and
 * prints one item to a block. Only the fields of PublicItem reach it.
 */

function Item({ item }: { item: PublicItem }) {
  const late = item.state === 'overdue';
  return (
    <li class="public-item">
      <h3>{item.title}</h3>
      <dl class="facts">
        <div>
          <dt>Beslut</dt>
          <dd>{item.decision}</dd>
        </div>
        <div>
          <dt>Ansvarig enhet</dt>
          <dd>{item.unit}</dd>
        </div>
        {item.responsible && (
          <div>
            <dt>Ansvarig</dt>
            <dd>{item.responsible}</dd>
          </div>
        )}
        <div>
          <dt>Tidsfrist</dt>
          <dd>{swedishDate(item.deadline)}</dd>
        </div>
        <div>
          <dt>Läge</dt>
          <dd>
            {late ? <strong class="late">{item.stateLabel}</strong> : item.stateLabel}
            {item.closedOn && ` ${swedishDate(item.closedOn)}`}
          </dd>
        </div>
        {item.statusReport && (
          <div>
            <dt>Senaste lägesrapport</dt>
            <dd>
              <span class="hint">{swedishDate(item.statusReport.date)}:</span> {item.statusReport.text}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

const publicTitle = (body: string) => `Uppföljning av ${body}:s beslut`;

/** The public follow-up of one body's decisions, for `GET /offentlig/{body}` as `text/html`. */
export function PublicBodyContent({ view }: { view: PublicBodyView }) {
  const overdue = view.open.filter((item) => item.state === 'overdue').length;
  return (
    <div class="public">
      <h1>{publicTitle(view.body)}</h1>
      <p class="lead">Läget den {dayMonthYear(view.asOf)}.</p>
      <p>
        Här redovisas de uppdrag och andra ärenden som {view.body} har beslutat och som tjänstepersonerna arbetar med, och de som har avslutats de senaste {view.recentlyClosedDays} dagarna: beslutet,
        ansvarig enhet, tidsfristen, läget och den senaste lägesrapporten.
      </p>

      <section aria-labelledby="pagaende">
        <h2 id="pagaende">Pågående ({view.open.length})</h2>
        {view.open.length ? (
          <>
            <p>{overdue ? `${overdue} av dem har passerat sin tidsfrist. ` : ''}Den närmaste tidsfristen står först.</p>
            <ol class="public-items">
              {view.open.map((item) => (
                <Item item={item} />
              ))}
            </ol>
          </>
        ) : (
          <p>Inga ärenden pågår.</p>
        )}
      </section>

      <section aria-labelledby="avslutade">
        <h2 id="avslutade">Avslutade de senaste {view.recentlyClosedDays} dagarna ({view.recentlyClosed.length})</h2>
        {view.recentlyClosed.length ? (
          <ol class="public-items">
            {view.recentlyClosed.map((item) => (
              <Item item={item} />
            ))}
          </ol>
        ) : (
          <p>Inga ärenden har avslutats de senaste {view.recentlyClosedDays} dagarna.</p>
        )}
      </section>
    </div>
  );
}

/** `GET /offentlig/{body}` as `text/html`: the whole page, for anyone; search engines may index it. */
export function publicBodyDocument(view: PublicBodyView): string {
  return reportDocument({
    title: publicTitle(view.body),
    footer: `Uppgifterna kommer från kommunens uppföljning av politiska beslut och visar läget den ${dayMonthYear(view.asOf)}. Ändringar syns här inom fem minuter.`,
    indexable: true,
    children: <PublicBodyContent view={view} />,
  });
}

/** The page a resident gets instead of a body's follow-up: not published (404), an address that names no body, or a fault of ours. */
export function publicProblemDocument(status: number, message: string): string {
  const title = status === 404 ? 'Sidan finns inte' : status < 500 ? 'Adressen stämmer inte' : 'Sidan kan inte visas just nu';
  return reportDocument({
    title,
    footer: 'Kommunens uppföljning av politiska beslut.',
    children: (
      <div class="public">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>Kommunen redovisar här uppföljningen av de organ som har valt att publicera den. Kontrollera adressen, eller fråga kommunens registrator.</p>
      </div>
    ),
  });
}
