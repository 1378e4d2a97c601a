// Every kind of page the site has, one address each from the demo data. Each is visited in
// both languages by page-kinds.test.js; a new kind of page is one more line here.
// `status` is the answer the page is meant to give when it is not 200; `signIn` names the demo
// user the page is seen by (support/sign-in.js).

export const PAGE_KINDS = [
  { name: 'home', path: '/' },
  { name: 'registry-list', path: '/registry' },
  { name: 'registry-entry', path: '/registry/C25-0001' },
  { name: 'criteria-versions', path: '/criteria' },
  { name: 'criteria-version', path: '/criteria/demo-2026' },
  { name: 'criteria-control', path: '/criteria/demo-2026/8.1.1.1' },
  { name: 'criteria-diff', path: '/criteria/diff' },
  { name: 'criteria-diff-drafts', path: '/criteria/diff?from=demo-2026&to=demo-2027', signIn: 'admin' },
  { name: 'criteria-gaps', path: '/criteria/demo-2027/gaps', signIn: 'admin' },
  { name: 'criteria-gaps-provider', path: '/criteria/demo-2026/gaps', signIn: 'provider' },
  {
    name: 'tool-classification',
    path: '/tools/classification?system=Portal&name1=Residents&c1=2&name2=Events&c2=1&availability=2',
  },
  { name: 'tool-availability', path: '/tools/availability?users=1000&days=30&minutes1=480&affected1=10' },
  { name: 'audit-bodies', path: '/audit-bodies' },
  { name: 'login', path: '/login' },
  { name: 'start-operator', path: '/start', signIn: 'admin' },
  { name: 'start-provider', path: '/start', signIn: 'provider' },
  { name: 'service-new', path: '/services/new', signIn: 'provider' },
  { name: 'audit-new', path: '/audits/new', signIn: 'provider' },
  { name: 'application-new', path: '/applications/new', signIn: 'provider' },
  { name: 'engagement', path: '/audits/au-svc-sakura-managed-db-1/work', signIn: 'signer' },
  { name: 'engagement-evidence', path: '/audits/au-svc-sakura-managed-db-1/evidence', signIn: 'provider' },
  { name: 'engagement-control', path: '/audits/au-svc-sakura-managed-db-1/controls/5.1.1.1', signIn: 'auditor' },
  { name: 'quality-reviews', path: '/quality-reviews', signIn: 'admin' },
  { name: 'inbox', path: '/inbox', signIn: 'provider' },
  { name: 'registry-entry-operator', path: '/registry/C25-0001', signIn: 'admin' },
  { name: 'registry-entry-provider', path: '/registry/C24-0005', signIn: 'provider' },
  { name: 'change-notices', path: '/change-notices', signIn: 'admin' },
  { name: 'change-notice', path: '/change-notices/cn-c24-0005-2', signIn: 'provider' },
  { name: 'incidents', path: '/incidents', signIn: 'admin' },
  { name: 'incident', path: '/incidents/in-c25-0003-1', signIn: 'admin' },
  { name: 'not-found', path: '/registry/C99-9999', status: 404 },
  { name: 'no-such-address', path: '/no-such-page', status: 404 },
  { name: 'error', path: '/registry?level=9', status: 400 },
];
