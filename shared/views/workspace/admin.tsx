import { LAW_CALENDAR } from '../../domain/calendar/working-days';
import { RECENTLY_CLOSED_DAYS } from '../../domain/reports/public';
import { CsrfField, Layout } from '../layout';
import { WORKSPACE_PATHS } from '../paths';
import { renderPage } from '../render';
import { Choice, DateText, ErrorSummary, TextArea, TextField } from './components';
import { CHECKED } from './forms';
import { instant, longDate } from './format';
import type { ClosedDaysModel, PlanField, PlanModel, PlansModel, PublicBodiesModel, PublicBodyField, RoleField, RolesModel, UnitField, UnitsModel } from './models';

/** The admin's pages: meeting plans (with an .ics import), extra closed days, the unit and role directories, the bodies' public pages. */

const PLAN_LABELS: Record<PlanField, string> = {
  leadWorkingDays: 'Ledtid i arbetsdagar',
  dates: 'Sammanträdesdatum',
  ics: 'Kalenderfil (.ics)',
  mentions: 'Bara händelser som nämner',
};
const PLAN_FIELDS: readonly PlanField[] = ['leadWorkingDays', 'dates', 'ics', 'mentions'];

export function plansPage(model: PlansModel): string {
  const thisYear = Number(model.today.slice(0, 4));
  const closedYears = [...new Set([thisYear, thisYear + 1, ...model.closedDayYears])].sort();
  const errors = model.form?.errors;
  return renderPage(
    <Layout title="Sammanträdesplaner" context={model} current="plans" lead="Varje organs sammanträden per år och hur långt före sammanträdet handlingarna ska vara inne.">
      <section aria-labelledby="planer">
        <h2 id="planer" class="ds-heading" data-size="sm">
          Planer
        </h2>
        {model.plans.length === 0 ? (
          <p>Inga planer är inlagda ännu. Tidsfrister som räknas från ett sammanträde kräver organets plan för året.</p>
        ) : (
          <table class="ds-table stack-table" data-border data-size="sm">
            <caption class="ds-sr-only">Organ och år med sammanträdesplan</caption>
            <thead>
              <tr>
                <th scope="col">Organ</th>
                <th scope="col">År</th>
              </tr>
            </thead>
            <tbody>
              {model.plans.map((plan) => (
                <tr key={plan.body}>
                  <th scope="row" data-label="Organ">
                    {plan.body}
                  </th>
                  <td data-label="År">
                    {plan.years.map((year, i) => (
                      <span key={year}>
                        {i > 0 && ', '}
                        <a href={WORKSPACE_PATHS.plan(plan.body, year)} aria-label={`${plan.body} ${year}`}>
                          {year}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <form method="post" action={WORKSPACE_PATHS.plans} noValidate class="form-box stack" aria-labelledby="ny-plan">
        <h2 id="ny-plan" class="form-title">
          Lägg in eller ändra en plan
        </h2>
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={errors} order={['body', 'year'] as const} labels={{ body: 'Organ', year: 'År' }} />
        <div class="field-row">
          <TextField name="body" label="Organ" value={model.form?.values.body} error={errors?.body} hint="Förkortning, t.ex. KS." />
          <TextField name="year" label="År" value={model.form?.values.year ?? String(thisYear + 1)} error={errors?.year} inputMode="numeric" />
        </div>
        <button type="submit" class="ds-button">
          Öppna planen
        </button>
      </form>

      <section aria-labelledby="stangda">
        <h2 id="stangda" class="ds-heading" data-size="sm">
          Stängda dagar
        </h2>
        <p>Dagar då kontoren är stängda utöver helgdagarna, t.ex. klämdagar.</p>
        <ul>
          {closedYears.map((year) => (
            <li key={year}>
              <a href={WORKSPACE_PATHS.closedDays(year)}>Stängda dagar {year}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>,
  );
}

/**
 * One body's plan for a year: the lead time and the dates, one per line, and an import from the
 * body's published calendar (.ics) whose dates are shown, and filled into the form, before saving.
 */
export function planPage(model: PlanModel): string {
  const { form, stored, imported } = model;
  // A meeting on a weekend or a public holiday is most likely a mistyped date: said, not refused.
  const closed = (stored?.dates ?? []).flatMap((date) => {
    const reason = LAW_CALENDAR.closedReason(date);
    return reason ? [reason === 'lördag' || reason === 'söndag' ? longDate(date) : `${longDate(date)} (${reason})`] : [];
  });
  const errors = form.errors;
  const dates = imported && !errors?.dates ? imported.meetings.map((m) => m.date).join('\n') : (form.values.dates ?? stored?.dates.join('\n') ?? '');
  const lead = form.values.leadWorkingDays ?? (stored ? String(stored.leadWorkingDays) : '');
  return renderPage(
    <Layout title={`Sammanträdesplan ${model.body} ${model.year}`} context={model} current="plans">
      <p>
        <a href={WORKSPACE_PATHS.plans}>Alla sammanträdesplaner</a>
      </p>
      {closed.length > 0 && (
        <div class="ds-alert" data-color="warning">
          <p>
            {closed.length === 1 ? 'Ett sammanträde ligger' : `${closed.length} sammanträden ligger`} på en dag som inte är en arbetsdag: {closed.join(', ')}. Kontrollera att
            datumen är rätt skrivna.
          </p>
        </div>
      )}
      {stored ? (
        <p>
          Planen har {stored.dates.length === 1 ? '1 sammanträde' : `${stored.dates.length} sammanträden`} och ledtiden {stored.leadWorkingDays} arbetsdagar. Ändras den räknas tidsfristerna som hänger på den om.
        </p>
      ) : (
        <p>
          Ingen plan för {model.body} {model.year} är inlagd ännu.
        </p>
      )}

      {imported && (
        <section class="ds-alert" data-color="info" aria-labelledby="inlast">
          <h2 id="inlast" class="ds-heading" data-size="2xs">
            {imported.meetings.length === 0
              ? `Inga sammanträden ${model.year} hittades i filen`
              : `${imported.meetings.length === 1 ? '1 sammanträde' : `${imported.meetings.length} sammanträden`} ${model.year} hittades i filen${imported.fileName ? ` ${imported.fileName}` : ''}`}
          </h2>
          {imported.meetings.length > 0 && (
            <>
              <ul>
                {imported.meetings.map((meeting) => (
                  <li key={meeting.date}>
                    {longDate(meeting.date)}: {meeting.summary}
                  </li>
                ))}
              </ul>
              <p>Datumen står nu i formuläret nedan. Kontrollera dem och spara planen; inget är sparat ännu.</p>
            </>
          )}
          {imported.passedOver && imported.passedOver.length > 0 && (
            <>
              <p>
                {imported.passedOver.length === 1 ? '1 händelse' : `${imported.passedOver.length} händelser`} {model.year} nämner inte ”{imported.mentions}” och lästes inte
                in. Är någon av dem ett sammanträde, lägg till datumet i formuläret eller läs in filen igen med ett annat ord:
              </p>
              <ul>
                {imported.passedOver.slice(0, 10).map((event) => (
                  <li key={`${event.date}${event.summary}`}>
                    {longDate(event.date)}: {event.summary}
                  </li>
                ))}
              </ul>
              {imported.passedOver.length > 10 && <p>… och {imported.passedOver.length - 10} till.</p>}
            </>
          )}
        </section>
      )}

      {/* One form, so what the admin typed travels with either button and comes back typed: the lead
          time and dates when the calendar is read, the calendar's word when the plan is saved. */}
      <form method="post" action={WORKSPACE_PATHS.plan(model.body, model.year)} encType="multipart/form-data" noValidate class="stack">
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={errors} order={PLAN_FIELDS} labels={PLAN_LABELS} />
        <section class="form-box stack" aria-labelledby="spara-plan">
          <h2 id="spara-plan" class="form-title">
            Planen
          </h2>
          <TextField
            name="leadWorkingDays"
            label={PLAN_LABELS.leadWorkingDays}
            value={lead}
            error={errors?.leadWorkingDays}
            inputMode="numeric"
            class="short-field"
            hint="Hur många arbetsdagar före sammanträdet tjänsteskrivelsen ska vara inne, t.ex. 15."
          />
          <TextArea name="dates" label={PLAN_LABELS.dates} value={dates} error={errors?.dates} rows={12} hint={`Ett datum per rad, ÅÅÅÅ-MM-DD, alla under ${model.year}. Rader klistrade ur en kalender går också, som 26 januari ${model.year} kl. 13.00.`} />
          <button type="submit" name="action" value="save" class="ds-button">
            Spara planen
          </button>
        </section>

        <section class="form-box stack" aria-labelledby="las-in">
          <h2 id="las-in" class="form-title">
            Läs in från kalendern
          </h2>
          <p class="hint">Många kommuner publicerar sammanträdesplanen som en kalenderfil (iCalendar, .ics). Datumen visas innan något sparas.</p>
          <div class="ds-field">
            <label class="ds-label" for="ics">
              {PLAN_LABELS.ics}
            </label>
            <input class="ds-input" type="file" id="ics" name="ics" accept=".ics,text/calendar" aria-invalid={errors?.ics ? 'true' : undefined} aria-describedby={errors?.ics ? 'ics-fel' : undefined} />
            {errors?.ics && (
              <p class="ds-validation-message" id="ics-fel">
                {errors.ics}
              </p>
            )}
          </div>
          <TextField name="mentions" label={PLAN_LABELS.mentions} value={form.values.mentions ?? model.body} error={errors?.mentions} hint="Händelser vars rubrik nämner det här ordet, t.ex. organets förkortning. Tomt: alla händelser i filen." />
          <button type="submit" name="action" value="import" class="ds-button" data-variant="secondary">
            Läs in datumen
          </button>
        </section>
      </form>
    </Layout>,
  );
}

export function closedDaysPage(model: ClosedDaysModel): string {
  const errors = model.form.errors;
  return renderPage(
    <Layout title={`Stängda dagar ${model.year}`} context={model} current="plans" lead="Dagar då kontoren är stängda utöver helgdagarna, till exempel klämdagar.">
      <p>
        En stängd dag räknas inte som arbetsdag när tidsfrister räknas ut, och ingen påminns på den. Helgdagar, midsommarafton, julafton och nyårsafton är redan stängda.
      </p>
      <p>
        {model.stored.length === 0 ? (
          `Inga extra stängda dagar ${model.year}.`
        ) : (
          <>
            Nu stängt:{' '}
            {model.stored.map((date, i) => (
              <span key={date}>
                {i > 0 && ', '}
                <DateText date={date} />
              </span>
            ))}
            .
          </>
        )}
      </p>
      <form method="post" action={WORKSPACE_PATHS.closedDays(model.year)} noValidate class="form-box stack">
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={errors} order={['dates'] as const} labels={{ dates: 'Stängda dagar' }} />
        <TextArea
          name="dates"
          label="Stängda dagar"
          value={model.form.values.dates ?? model.stored.join('\n')}
          error={errors?.dates}
          rows={6}
          hint={`Ett datum per rad, ÅÅÅÅ-MM-DD, alla under ${model.year}. Tomt betyder inga extra stängda dagar.`}
        />
        <button type="submit" class="ds-button">
          Spara
        </button>
      </form>
      <p>
        <a href={WORKSPACE_PATHS.closedDays(model.year - 1)}>{model.year - 1}</a> · <a href={WORKSPACE_PATHS.closedDays(model.year + 1)}>{model.year + 1}</a> ·{' '}
        <a href={WORKSPACE_PATHS.plans}>Sammanträdesplaner</a>
      </p>
    </Layout>,
  );
}

const UNIT_LABELS: Record<UnitField, string> = { unit: 'Enhet', managerName: 'Chef (namn)', managerEmail: 'Chef (e-post)' };

export function unitsPage(model: UnitsModel): string {
  const { form } = model;
  return renderPage(
    <Layout title="Enheter" context={model} current="units" lead="Vem som är chef för varje enhet: chefen får veckoöversikten och besked om försenade ärenden, och ett ärende utan egen chef får enhetens.">
      {model.units.length === 0 ? (
        <p>Inga enheter är inlagda ännu.</p>
      ) : (
        <div class="table-wrap">
          <table class="ds-table stack-table" data-border data-size="sm">
            <caption class="ds-sr-only">Enheter och deras chefer</caption>
            <thead>
              <tr>
                <th scope="col">Enhet</th>
                <th scope="col">Chef</th>
                <th scope="col">E-post</th>
                <th scope="col">Ändrad</th>
              </tr>
            </thead>
            <tbody>
              {model.units.map((unit) => (
                <tr key={unit.unit}>
                  <th scope="row" data-label="Enhet">
                    {unit.unit}
                  </th>
                  <td data-label="Chef">{unit.manager.name}</td>
                  <td data-label="E-post">{unit.manager.email}</td>
                  <td data-label="Ändrad">
                    {instant(unit.updatedAt)}
                    <br />
                    <span class="hint">{unit.updatedBy}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={WORKSPACE_PATHS.units} noValidate class="form-box stack" aria-labelledby="ange-chef">
        <h2 id="ange-chef" class="form-title">
          Ange chef för en enhet
        </h2>
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={form.errors} order={['unit', 'managerName', 'managerEmail'] as const} labels={UNIT_LABELS} />
        <TextField name="unit" label={UNIT_LABELS.unit} value={form.values.unit} error={form.errors?.unit} list="kanda-enheter" hint="Skriv namnet som på ärendena; finns enheten ersätts dess chef." />
        <datalist id="kanda-enheter">
          {model.units.map((unit) => (
            <option key={unit.unit} value={unit.unit} />
          ))}
        </datalist>
        <div class="field-row">
          <TextField name="managerName" label={UNIT_LABELS.managerName} value={form.values.managerName} error={form.errors?.managerName} />
          <TextField name="managerEmail" label={UNIT_LABELS.managerEmail} type="email" value={form.values.managerEmail} error={form.errors?.managerEmail} />
        </div>
        <button type="submit" class="ds-button">
          Spara
        </button>
      </form>
    </Layout>,
  );
}

const ROLE_LABELS_FORM: Record<RoleField, string> = { role: 'Roll', name: 'Namn', email: 'E-post', unit: 'Enhet' };

export function rolesPage(model: RolesModel): string {
  const { form } = model;
  return renderPage(
    <Layout title="Roller" context={model} current="roles" lead="Vem som har en roll som besluten nämner, till exempel kommundirektören: utkast från en beslutstext fylls i med personen.">
      {model.roles.length === 0 ? (
        <p>Inga roller är inlagda ännu.</p>
      ) : (
        <div class="table-wrap">
          <table class="ds-table stack-table" data-border data-size="sm">
            <caption class="ds-sr-only">Roller och vem som har dem</caption>
            <thead>
              <tr>
                <th scope="col">Roll</th>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Enhet</th>
              </tr>
            </thead>
            <tbody>
              {model.roles.map((holder) => (
                <tr key={holder.role}>
                  <th scope="row" data-label="Roll">
                    {holder.role}
                  </th>
                  <td data-label="Namn">{holder.name}</td>
                  <td data-label="E-post">{holder.email}</td>
                  <td data-label="Enhet">{holder.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={WORKSPACE_PATHS.roles} noValidate class="form-box stack" aria-labelledby="ange-roll">
        <h2 id="ange-roll" class="form-title">
          Ange vem som har en roll
        </h2>
        <CsrfField token={model.csrf} />
        <ErrorSummary errors={form.errors} order={['role', 'name', 'email', 'unit'] as const} labels={ROLE_LABELS_FORM} />
        <TextField name="role" label={ROLE_LABELS_FORM.role} value={form.values.role} error={form.errors?.role} hint="Som besluten skriver den, t.ex. kommundirektör eller socialchef." />
        <div class="field-row">
          <TextField name="name" label={ROLE_LABELS_FORM.name} value={form.values.name} error={form.errors?.name} />
          <TextField name="email" label={ROLE_LABELS_FORM.email} type="email" value={form.values.email} error={form.errors?.email} />
          <TextField name="unit" label={ROLE_LABELS_FORM.unit} value={form.values.unit} error={form.errors?.unit} />
        </div>
        <button type="submit" class="ds-button">
          Spara
        </button>
      </form>
    </Layout>,
  );
}

const PUBLIC_BODY_LABELS: Record<PublicBodyField, string> = { body: 'Organ', public: 'Sidan är öppen för alla', showNames: 'Visa ansvarigas namn', was: 'Inställningen som visades' };

/**
 * Offentliga sidor: which bodies' follow-up (`/offentlig/<organ>`) is public, as `PUT
 * /public-bodies/{body}` sets it, and the form that opens or closes one.
 */
export function publicBodiesPage(model: PublicBodiesModel): string {
  const { form } = model;
  return renderPage(
    <Layout
      title="Offentliga sidor"
      context={model}
      current="publicBodies"
      lead={`Ett organs uppföljning av sina beslut kan visas för invånare och press, utan inloggning: pågående ärenden och de som avslutats de senaste ${RECENTLY_CLOSED_DAYS} dagarna. Sidan visar varje ärendes rubrik, beslut, enhet, tidsfrist, status och senaste lägesrapport, med e-postadresser och chefens namn borttagna, och den ansvariges namn bara om du väljer det. Anteckningar, skäl, begäranden och historik visas inte. Tjänstepersonerna får veta det när de lämnar en lägesrapport.`}
    >
      {model.bodies.length === 0 ? (
        <p>Inget organ har en offentlig sida ännu.</p>
      ) : (
        <div class="table-wrap">
          <table class="ds-table stack-table" data-border data-size="sm">
            <caption class="ds-sr-only">Organ och deras offentliga sidor</caption>
            <thead>
              <tr>
                <th scope="col">Organ</th>
                <th scope="col">Sidan</th>
                <th scope="col">Ansvarigas namn</th>
                <th scope="col">Ändrad</th>
                <th scope="col" class="no-print">
                  <span class="ds-sr-only">Ändra</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {model.bodies.map((setting) => (
                <tr key={setting.body}>
                  <th scope="row" data-label="Organ">
                    {setting.body}
                  </th>
                  <td data-label="Sidan">
                    {setting.public ? (
                      <>
                        Öppen: <a href={WORKSPACE_PATHS.publicPage(setting.body)}>{`/offentlig/${setting.body}`}</a>
                      </>
                    ) : (
                      'Stängd'
                    )}
                  </td>
                  <td data-label="Ansvarigas namn">{setting.showNames ? 'Visas' : 'Visas inte'}</td>
                  <td data-label="Ändrad">
                    {instant(setting.updatedAt)}
                    <br />
                    <span class="hint email">{setting.updatedBy}</span>
                  </td>
                  <td class="no-print">
                    <a href={`${WORKSPACE_PATHS.publicBodies}?organ=${encodeURIComponent(setting.body)}#oppna-stang`}>
                      Ändra<span class="ds-sr-only"> {setting.body}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={WORKSPACE_PATHS.publicBodies} noValidate class="form-box stack" aria-labelledby="oppna-stang">
        <h2 id="oppna-stang" class="form-title">
          Öppna eller stäng ett organs sida
        </h2>
        <CsrfField token={model.csrf} />
        {form.values.was && <input type="hidden" name="was" value={form.values.was} />}
        <ErrorSummary errors={form.errors} order={['body'] as const} labels={PUBLIC_BODY_LABELS} />
        <TextField name="body" label={PUBLIC_BODY_LABELS.body} value={form.values.body} error={form.errors?.body} class="short-field" hint="Förkortning, t.ex. KS. Finns organet i listan ersätts dess inställning." />
        <Choice type="checkbox" name="public" id="public" value={CHECKED} label={PUBLIC_BODY_LABELS.public} checked={form.values.public === CHECKED} />
        <Choice type="checkbox" name="showNames" id="showNames" value={CHECKED} label={PUBLIC_BODY_LABELS.showNames} checked={form.values.showNames === CHECKED} />
        <p class="hint">Utan kryss i ”{PUBLIC_BODY_LABELS.public}” stängs sidan. Namnen visas bara med kryss i ”{PUBLIC_BODY_LABELS.showNames}”; e-postadresser visas aldrig.</p>
        <button type="submit" class="ds-button">
          Spara
        </button>
      </form>
    </Layout>,
  );
}
