/**
 * The workspace's addresses (fixed by the contract, "The workspace"); pages link with these and
 * the routes are wired to them.
 */
export const WORKSPACE_PATHS = {
  overview: '/',
  items: '/arenden',
  item: (id: string) => `/arenden/${encodeURIComponent(id)}`,
  register: '/registrera',
  review: '/granska',
  import: '/importera',
  reports: '/rapporter',
  report: (name: 'balanslista' | 'verkstallighet' | 'statistik') => `/rapporter/${name}`,
  plans: '/admin/sammantradesplaner',
  plan: (body: string, year: number) => `/admin/sammantradesplaner/${encodeURIComponent(body)}/${year}`,
  closedDays: (year: number) => `/admin/stangda-dagar/${year}`,
  units: '/admin/enheter',
  roles: '/admin/roller',
  publicBodies: '/admin/offentliga',
  /** A body's public follow-up page (the reports function's `GET /offentlig/{body}`), which Offentliga sidor links to. */
  publicPage: (body: string) => `/offentlig/${encodeURIComponent(body)}`,
  signIn: '/logga-in',
  signOut: '/logga-ut',
  signInCallback: '/logga-in/callback',
  asset: (fileName: string) => `/assets/${encodeURIComponent(fileName)}`,
} as const;
