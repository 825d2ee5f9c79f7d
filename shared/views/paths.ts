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
  signIn: '/logga-in',
  signOut: '/logga-ut',
  signInCallback: '/logga-in/callback',
  asset: (fileName: string) => `/assets/${encodeURIComponent(fileName)}`,
} as const;
