/** @jsxImportSource preact */
import { renderToString } from 'preact-render-to-string';
import { raw, type Html } from '../pages/html';

/** Where the same report, for the same parameters, downloads as a file: the workspace's page links to them. */
export interface ReportDownloads {
  csv: string;
  xlsx: string;
  /** The page the report was asked for on (the workspace's Rapporter): the way back, where no menu is shown. */
  back?: string;
}

/** The downloads of the report shown, left out of print (a printed page cannot follow a link): the one list every report page shows. */
export function DownloadLinks({ downloads }: { downloads: ReportDownloads }) {
  return (
    <ul class="no-print" aria-label="Ladda ner rapporten">
      {downloads.back && (
        <li>
          <a href={downloads.back}>Tillbaka till Rapporter</a>
        </li>
      )}
      <li>
        <a href={downloads.csv}>Ladda ner som CSV</a>
      </li>
      <li>
        <a href={downloads.xlsx}>Ladda ner som Excel (XLSX)</a>
      </li>
    </ul>
  );
}

/** `DownloadLinks` as markup for the pages written as `html` templates; '' without downloads. */
export const downloadLinks = (downloads: ReportDownloads | undefined): Html | string => (downloads ? raw(renderToString(<DownloadLinks downloads={downloads} />)) : '');
