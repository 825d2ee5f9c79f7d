/**
 * `npm run token -- <role> [--email …] [--unit …] [--expires 8h]`: prints a local token.
 * Roles: registrar, manager, admin, or official (no role: any signed-in official).
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/domain/caller';
import { DEFAULT_LOCAL_JWT_SECRET, signLocalToken } from '../local/tokens';

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, unit: { type: 'string' }, expires: { type: 'string', default: '8h' }, help: { type: 'boolean', short: 'h' } },
  });
}

const USAGE = 'Usage: npm run token -- <registrar|manager|admin|official> [--email name@example.se] [--unit "Unit name"] [--expires 8h]';
let parsed: ReturnType<typeof parseOptions>;
try {
  parsed = parseOptions();
} catch (error) {
  // An unknown option ("--help", a typo): the usage line, not a stack trace.
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { positionals, values } = parsed;
const role = positionals[0];
if (values.help || !role || (role !== 'official' && !(ROLES as readonly string[]).includes(role))) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
  console.error(`--email ska vara en e-postadress, inte "${values.email}".`);
  process.exit(2);
}
if (role === 'manager' && !values.unit) {
  console.error('A manager token needs --unit "<the manager\'s unit>".');
  process.exit(2);
}
const email = values.email ?? `${role}@example.se`;
const token = await signLocalToken(
  { email, roles: role === 'official' ? [] : [role as Role], ...(values.unit ? { unit: values.unit } : {}) },
  process.env.LOCAL_JWT_SECRET ?? DEFAULT_LOCAL_JWT_SECRET,
  { expiresIn: values.expires },
);
console.log(token);
