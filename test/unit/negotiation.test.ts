import { describe, expect, it } from 'vitest';
import { acceptsGzip, negotiate } from '../../shared/http/negotiation';
import { XLSX_TYPE } from '../../shared/views/spreadsheets/table';

describe('content negotiation', () => {
  it.each<[string | undefined, boolean]>([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('Accept-Encoding %j takes gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('an export is offered as JSON, CSV or XLSX, JSON when anything will do', () => {
    const offered = ['application/json', 'text/csv', XLSX_TYPE] as const;

    expect(negotiate(XLSX_TYPE, offered)).toBe(XLSX_TYPE);
    expect(negotiate(`text/csv;q=0.5, ${XLSX_TYPE}`, offered)).toBe(XLSX_TYPE);
    expect(negotiate('text/csv', offered)).toBe('text/csv');
    expect(negotiate('*/*', offered)).toBe('application/json');
    expect(negotiate(undefined, offered)).toBe('application/json');
  });
});
